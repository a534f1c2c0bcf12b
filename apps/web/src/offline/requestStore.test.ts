import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearRequests, loadRequests, MAX_STORED_REQUESTS, offlineCopy, saveRequests } from './requestStore';

interface Request {
  id: string;
  status: string;
}

const ALICE = 'alice';
const BOB = 'bob';
const requests: Request[] = [
  { id: 'r1', status: 'PENDING' },
  { id: 'r2', status: 'ACCEPTED' },
];

describe('stored contact and meeting requests', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('gives back the list as loaded, with when it was loaded', () => {
    saveRequests(ALICE, 'contact:received', requests, new Date('2026-12-07T08:00:00Z'));
    expect(loadRequests<Request>(ALICE, 'contact:received')).toEqual({
      userId: ALICE,
      savedAt: '2026-12-07T08:00:00.000Z',
      items: requests,
      truncated: false,
    });
  });

  it('keeps each list apart and replaces a list when it is loaded again', () => {
    saveRequests(ALICE, 'contact:received', requests);
    saveRequests(ALICE, 'meeting:sent', [{ id: 'm1', status: 'PENDING' }]);
    saveRequests(ALICE, 'contact:received', [requests[1]!]);
    expect(loadRequests<Request>(ALICE, 'contact:received')!.items.map((r) => r.id)).toEqual(['r2']);
    expect(loadRequests<Request>(ALICE, 'meeting:sent')!.items.map((r) => r.id)).toEqual(['m1']);
    expect(loadRequests(ALICE, 'meeting:received')).toBeNull();
  });

  it("never shows one user's copy to another", () => {
    saveRequests(ALICE, 'contact:received', requests);
    expect(loadRequests(BOB, 'contact:received')).toBeNull();
  });

  it('forgets every list at sign-out, and only its own keys', () => {
    localStorage.setItem('tashbik.agenda.last', 'e1');
    saveRequests(ALICE, 'contact:received', requests);
    saveRequests(ALICE, 'meeting:received', requests);
    clearRequests();
    expect(loadRequests(ALICE, 'contact:received')).toBeNull();
    expect(loadRequests(ALICE, 'meeting:received')).toBeNull();
    expect(localStorage.getItem('tashbik.agenda.last')).toBe('e1');
  });

  it('caps a long list and says the copy is partial', () => {
    const many = Array.from({ length: MAX_STORED_REQUESTS + 5 }, (_, i) => ({
      id: `r${i}`,
      status: 'PENDING',
    }));
    saveRequests(ALICE, 'contact:sent', many);
    const stored = loadRequests<Request>(ALICE, 'contact:sent')!;
    expect(stored.items).toHaveLength(MAX_STORED_REQUESTS);
    expect(stored.items[0]!.id).toBe('r0');
    expect(stored.truncated).toBe(true);
  });

  it('survives a full or refused storage and an unreadable copy', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => saveRequests(ALICE, 'contact:received', requests)).not.toThrow();
    vi.restoreAllMocks();
    expect(loadRequests(ALICE, 'contact:received')).toBeNull();
    localStorage.setItem('tashbik.requests.contact:received', '{not json');
    expect(loadRequests(ALICE, 'contact:received')).toBeNull();
  });

  it('shows a copy only while the api is out of reach', () => {
    saveRequests(ALICE, 'meetings', requests, new Date('2026-12-07T08:00:00Z'));
    expect(offlineCopy(ALICE, 'meetings', false)).toBeNull();
    expect(offlineCopy<Request>(ALICE, 'meetings', true)?.items).toEqual(requests);
  });

  it("never shows a signed-in user another user's copy, offline either", () => {
    saveRequests(ALICE, 'meetings', requests);
    expect(offlineCopy(BOB, 'meetings', true)).toBeNull();
  });

  it('with no session because the network is down, shows the copy this browser kept, until sign-out', () => {
    saveRequests(ALICE, 'contact:sent', requests, new Date('2026-12-07T08:00:00Z'));
    expect(offlineCopy<Request>(null, 'contact:sent', true)).toMatchObject({
      userId: ALICE,
      savedAt: '2026-12-07T08:00:00.000Z',
      items: requests,
    });
    expect(offlineCopy(null, 'contact:sent', false)).toBeNull();
    expect(offlineCopy(null, 'contact:received', true)).toBeNull();
    clearRequests();
    expect(offlineCopy(null, 'contact:sent', true)).toBeNull();
    localStorage.setItem('tashbik.requests.contact:sent', '{not json');
    expect(offlineCopy(null, 'contact:sent', true)).toBeNull();
  });
});
