// Quiz feature: turns each .quiz block (static questions + data-quiz-json) into the
// interactive quiz. Without JavaScript the static questions, answers in <details>, stay.
import { Quiz } from "./quiz.js";
import { Progress } from "./store.js";

export function mount(root) {
  const nodes = [...root.querySelectorAll(".quiz[data-quiz-json]")].filter((n) => !n.classList.contains("quiz--ready"));
  if (!nodes.length) return undefined;
  const controller = new AbortController();
  const progress = new Progress();
  const quizzes = [];
  for (const node of nodes) {
    try {
      quizzes.push(new Quiz(node, JSON.parse(node.dataset.quizJson), progress, controller.signal));
    } catch (error) {
      console.error("quiz failed to start; the static questions stay", error);
    }
  }
  return () => {
    controller.abort(); // removes every listener the quizzes added
    for (const quiz of quizzes) quiz.destroy();
  };
}
