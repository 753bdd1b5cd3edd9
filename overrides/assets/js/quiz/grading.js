// Grading one answer: the verdict and each choice's status line. Pure (no DOM).

export const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
export const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function verdict(q, selected) {
  const correct = new Set(q.choices.flatMap((c, i) => (c.correct ? [i] : [])));
  const ok = sameSet(correct, selected);
  if (ok) return { ok, text: "Correct." };
  if (q.type === "single") return { ok, text: "Not quite." };
  const hits = [...selected].filter((i) => correct.has(i)).length;
  const wrong = selected.size - hits;
  const noun = q.type === "outputs" ? "possible output" : "correct answer";
  return {
    ok,
    text: `Not quite: you picked ${hits} of the ${plural(correct.size, noun)}` + (wrong ? ` and ${wrong} that ${wrong === 1 ? "is" : "are"} not.` : "."),
  };
}

export function choiceStatus(q, choice, picked) {
  if (choice.correct) {
    const what = q.type === "outputs" ? "Possible" : "Correct";
    return picked ? `✓ ${what} — you chose it` : `✓ ${what} — you did not choose it`;
  }
  const what = q.type === "outputs" ? "Impossible" : "Wrong";
  return picked ? `✗ ${what} — you chose it` : `✗ ${what}`;
}
