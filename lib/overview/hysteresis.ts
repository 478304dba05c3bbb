/**
 * A warning that does not flap: it is raised when the figure crosses its level and cleared
 * only once the figure is back past the level by a gap (a percentage of it). `below`
 * warnings (balance, runway) are raised under the level; `above` ones (callback silence)
 * over it. A figure that is not known leaves the warning as it was.
 */
export type Level = { level: number; gapPercent: number; direction: "below" | "above" };

export function nextRaised(
  raised: boolean,
  value: number | null,
  { level, gapPercent, direction }: Level,
): boolean {
  if (value === null) return raised;
  const gap = (level * gapPercent) / 100;
  if (direction === "below") return raised ? value < level + gap : value < level;
  return raised ? value > level - gap : value > level;
}
