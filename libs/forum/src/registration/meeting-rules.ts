/** Groups of an edition as the rules need them: code for messages, the groups each may meet (absent: any). */
export interface GroupRules {
  codes: Map<string, string>;
  mayMeet: Map<string, Set<string>>;
}

export function groupRules(
  groups: { id: string; code: string }[],
  rules: { groupId: string; mayMeetGroupId: string }[],
): GroupRules {
  const mayMeet = new Map<string, Set<string>>();
  for (const r of rules) {
    if (!mayMeet.has(r.groupId)) mayMeet.set(r.groupId, new Set());
    mayMeet.get(r.groupId)!.add(r.mayMeetGroupId);
  }
  return { codes: new Map(groups.map((g) => [g.id, g.code])), mayMeet };
}

/**
 * Why two delegates may not meet under the group rules, or null when they may. A group with rules
 * meets only the groups it lists; a delegate without a group meets no restricted group.
 */
export function meetingForbidden(
  rules: GroupRules,
  groupA: string | null,
  groupB: string | null,
): string | null {
  const check = (own: string | null, other: string | null): string | null => {
    if (!own) return null;
    const allowed = rules.mayMeet.get(own);
    if (!allowed || (other && allowed.has(other))) return null;
    const list = [...allowed].map((g) => rules.codes.get(g) ?? g).sort();
    return (
      `delegates of group ${rules.codes.get(own) ?? own} meet only delegates of ` +
      (list.length ? `group${list.length > 1 ? 's' : ''} ${list.join(', ')}` : 'no group') +
      `; the other delegate is ${other ? `in group ${rules.codes.get(other) ?? other}` : 'in no group'}`
    );
  };
  return check(groupA, groupB) ?? check(groupB, groupA);
}
