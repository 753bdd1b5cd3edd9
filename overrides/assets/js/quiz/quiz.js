// One interactive quiz, built from the JSON the build put in data-quiz-json: its
// questions (question.js), the score, the review of mistakes, and on the Knowledge check
// page how many questions to draw.
import { el, uniqueId } from "./dom.js";
import { plural } from "./grading.js";
import { QuestionView } from "./question.js";
import { shuffled } from "./random.js";

const CHECK_COUNTS = [5, 10, 20];

export class Quiz {
  constructor(node, data, progress, signal) {
    this.node = node;
    this.data = data;
    this.progress = progress;
    this.signal = signal;
    this.views = [];
    this.isCheck = data.scope === "all";

    this.list = el("div", { class: "quiz__list" });
    this.score = el("p", { class: "quiz__score" });
    this.live = el("div", { class: "quiz__live", "aria-live": "polite", role: "status" });
    const reviewButton = el("button", { type: "button", class: "md-button quiz__review-button", text: "Review my mistakes" });
    const resetButton = el("button", { type: "button", class: "md-button quiz__reset", text: "Reset quiz" });
    this.review = el("div", { class: "quiz__review", tabindex: "-1", hidden: true });
    this.app = el(
      "div",
      { class: "quiz__app" },
      this.isCheck ? this.setup() : null,
      this.list,
      el("div", { class: "quiz__summary" }, this.score, el("div", { class: "quiz__actions" }, reviewButton, resetButton)),
      this.review,
      this.live,
    );
    reviewButton.addEventListener("click", () => this.showReview(), { signal });
    resetButton.addEventListener("click", () => this.resetAll(), { signal });
    this.renderQuestions();
    node.querySelector(".quiz__static").hidden = true;
    node.append(this.app);
    node.classList.add("quiz--ready");
  }

  // The Knowledge check page: how many questions, and a fresh draw.
  setup() {
    const total = this.data.questions.length;
    const select = el("select", { id: uniqueId("quiz-count"), class: "quiz__count" });
    for (const n of CHECK_COUNTS.filter((n) => n < total)) select.append(el("option", { value: String(n), text: String(n) }));
    select.append(el("option", { value: "0", text: `All ${total}` }));
    const preferred = this.progress.state.check.count || this.data.count || 0;
    select.value = [...select.options].some((o) => o.value === String(preferred)) ? String(preferred) : "0";
    const draw = el("button", { type: "button", class: "md-button quiz__draw", text: "New set of questions" });
    select.addEventListener("change", () => {
      this.progress.setCheck({ count: Number(select.value) });
      this.renderQuestions();
      this.announce(`Showing ${this.views.length} questions.`);
    }, { signal: this.signal });
    draw.addEventListener("click", () => {
      this.progress.setCheck({ round: this.progress.state.check.round + 1 });
      this.renderQuestions();
      for (const view of this.views) view.reset(false);
      this.announce(`New set of ${this.views.length} questions.`);
      this.views[0]?.fieldset.querySelector("input").focus();
    }, { signal: this.signal });
    this.countSelect = select;
    return el("div", { class: "quiz__setup" }, el("label", { for: select.id, text: "Number of questions " }), select, draw);
  }

  chosenQuestions() {
    const all = this.data.questions;
    if (!this.isCheck) return all;
    const count = Number(this.countSelect.value) || all.length;
    if (count >= all.length) return all;
    const { seed, check } = this.progress.state;
    const picked = new Set(shuffled(all.map((q) => q.id), seed, `check:${check.round}`).slice(0, count));
    return all.filter((q) => picked.has(q.id)); // keep the bank's (topic) order
  }

  renderQuestions() {
    const questions = this.chosenQuestions();
    this.views = questions.map((q, i) => new QuestionView(this, q, i + 1, questions.length));
    this.list.replaceChildren(...this.views.map((v) => v.form));
    for (const view of this.views) {
      const answer = this.progress.answer(view.q);
      if (answer) view.restore(answer);
    }
    this.review.hidden = true;
    this.updateScore();
  }

  scoreText() {
    const answered = this.views.filter((v) => v.correct !== undefined);
    const right = answered.filter((v) => v.correct).length;
    return `Score: ${right} of ${this.views.length} correct (${answered.length} answered).`;
  }

  updateScore() {
    this.score.textContent = this.scoreText();
  }

  announce(text) {
    // Clear first so the same message twice is still announced.
    this.live.textContent = "";
    window.setTimeout(() => (this.live.textContent = text), 50);
  }

  showReview() {
    const mistakes = this.views.filter((v) => v.correct === false);
    const title = el("h3", { class: "quiz__review-title", text: mistakes.length ? "Your mistakes" : "No mistakes to review" });
    const items = mistakes.map((v) =>
      el(
        "li",
        {},
        el("a", { href: `#${v.form.id}`, text: v.fieldset.querySelector("legend").textContent }),
        ": revisit ",
        el("a", { href: v.q.section.href, class: "quiz__review-section", text: v.q.section.title }),
      ),
    );
    const unanswered = this.views.length - this.views.filter((v) => v.correct !== undefined).length;
    this.review.replaceChildren(
      ...[
        title,
        mistakes.length ? el("ul", {}, ...items) : null,
        el("p", { text: unanswered ? `${plural(unanswered, "question")} not answered yet.` : "Every question is answered." }),
      ].filter(Boolean),
    );
    this.review.hidden = false;
    this.review.focus();
  }

  resetAll() {
    for (const view of this.views) view.reset(false);
    this.review.hidden = true;
    this.announce("Quiz reset.");
    this.views[0]?.fieldset.querySelector("input").focus();
  }

  destroy() {
    this.app.remove();
    this.node.querySelector(".quiz__static").hidden = false;
    this.node.classList.remove("quiz--ready");
  }
}
