/**
 * A pure function of one string, remembered: names, keys and slugs are asked for again and again
 * by every build (each build resolves the whole corpus's names once more), and the answers take
 * Unicode normalisation and several regular expressions to work out. The memory is emptied when
 * it reaches `limit` answers, so it never outgrows a corpus's names by much.
 */
export function memoized<T>(fn: (text: string) => T, limit = 50_000): (text: string) => T {
  let answers = new Map<string, T>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = fn(text);
    if (answers.size >= limit) answers = new Map();
    answers.set(text, answer);
    return answer;
  };
}
