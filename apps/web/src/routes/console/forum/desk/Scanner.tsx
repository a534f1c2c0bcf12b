import { Alert, Button, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../../i18n/LocaleProvider';

/**
 * The camera, reading QR codes until stopped (@zxing/browser, loaded the first time the desk starts
 * scanning). Each code read is handed to `onCode`, as often as the camera sees it.
 */
export function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!on) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    setFailed(false);
    Promise.all([import('@zxing/browser'), import('@zxing/library')])
      .then(async ([{ BrowserQRCodeReader }, { DecodeHintType }]) => {
        // Trying harder costs a little time per frame and reads a badge held at an angle or in dim light.
        const hints = new Map<number, unknown>([[DecodeHintType.TRY_HARDER, true]]);
        const reader = new BrowserQRCodeReader(hints as never, { delayBetweenScanAttempts: 150 });
        const controls = await reader.decodeFromVideoDevice(undefined, video.current!, (result) => {
          if (result) handler.current(result.getText());
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      })
      .catch(() => {
        if (!cancelled) {
          setFailed(true);
          setOn(false);
        }
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on]);

  return (
    <Stack gap="xs">
      <Button onClick={() => setOn((v) => !v)} variant={on ? 'default' : 'filled'}>
        {on ? t('consoleDesk.scan.stop') : t('consoleDesk.scan.start')}
      </Button>
      {failed && <Alert color="red">{t('consoleDesk.scan.noCamera')}</Alert>}
      <video
        ref={video}
        className="desk-video"
        hidden={!on}
        muted
        playsInline
        aria-label={t('consoleDesk.scan.video')}
      />
    </Stack>
  );
}
