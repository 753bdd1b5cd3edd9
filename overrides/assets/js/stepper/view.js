// The stepper's markup: the code with each thread's current line marked, the threads
// to choose from (a radio group: arrow keys move the choice), Step/Back/Reset, the
// shared variables, the output, and a live region that says what just happened.

import { canRun, markers, whereText } from "./state.js";

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const button = (text, title) => el("button", { type: "button", textContent: text, title });

export class StepperView {
  constructor(host, source, { kind, onStep, onBack, onReset, onClose }) {
    this.lines = source.replace(/\n$/, "").split("\n");
    this.colour = new Map(); // thread id -> palette slot, in order of appearance
    this.selected = null;
    this.onStep = onStep;
    const unit = kind === "instruction" ? "one bytecode instruction" : "one line";
    this.intro = el("p", {
      className: "stepper__intro",
      textContent:
        `You are the scheduler: choose a thread (arrow keys), then Step runs ${unit} of it. ` +
        "Back undoes a step; Reset starts again.",
    });
    this.code = el("ol", { className: "stepper__code" });
    this.code.setAttribute("aria-label", "The code, with each thread's current line marked");
    this.threads = el("div", { className: "stepper__threads" });
    this.threads.setAttribute("role", "radiogroup");
    this.threads.setAttribute("aria-label", "Thread that takes the next step");
    this.threads.addEventListener("keydown", (event) => this.#key(event));
    this.stepButton = button("Step", "Run the chosen thread's next step (Enter in the list)");
    this.backButton = button("Back", "Undo the last step (replays your choices from the start)");
    this.resetButton = button("Reset", "Start again from the beginning");
    this.closeButton = button("Close", "Leave the stepper");
    this.stepButton.classList.add("stepper__step");
    this.stepButton.addEventListener("click", () => this.selected !== null && onStep(this.selected));
    this.backButton.addEventListener("click", onBack);
    this.resetButton.addEventListener("click", onReset);
    this.closeButton.addEventListener("click", onClose);
    const buttons = el("div", { className: "stepper__buttons" }, this.stepButton, this.backButton, this.resetButton, this.closeButton);
    this.globals = el("tbody");
    const table = el(
      "table",
      { className: "stepper__globals" },
      el("caption", { textContent: "Shared variables (module globals)" }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", textContent: "Name" }), el("th", { scope: "col", textContent: "Value" }))),
      this.globals,
    );
    this.status = el("p", { className: "stepper__status" });
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    this.outputCode = el("code");
    this.output = el("pre", { className: "stepper__output" }, this.outputCode);
    this.output.setAttribute("aria-label", "Output of the stepped run");
    this.output.tabIndex = 0;
    const side = el("div", { className: "stepper__side" }, this.threads, buttons, table);
    this.root = el(
      "section",
      { className: "stepper" },
      this.intro,
      el("div", { className: "stepper__grid" }, this.code, side),
      this.status,
      this.output,
    );
    this.root.setAttribute("aria-label", "Stepper: you are the scheduler");
    host.append(this.root);
    this.renderCode(new Map());
  }

  slot(id) {
    if (!this.colour.has(id)) this.colour.set(id, this.colour.size % 5);
    return this.colour.get(id);
  }

  renderCode(byLine) {
    this.code.replaceChildren(
      ...this.lines.map((text, i) => {
        const here = byLine.get(i + 1) || [];
        const li = el("li", { className: here.length ? "stepper__line stepper__line--current" : "stepper__line" });
        li.append(el("code", { textContent: text || " " }));
        for (const t of here) {
          li.append(el("span", { className: `stepper__marker stepper__t${this.slot(t.id)}`, textContent: t.name }));
        }
        return li;
      }),
    );
  }

  render(state, selected) {
    this.selected = selected;
    this.renderCode(markers(state));
    const hadFocus = this.threads.contains(document.activeElement);
    this.threads.replaceChildren(
      ...state.threads.map((t) => {
        const option = el(
          "div",
          { className: `stepper__thread stepper__t${this.slot(t.id)}` },
          el("strong", { textContent: t.name }),
          el("span", { textContent: ` ${whereText(t)}` }),
        );
        option.setAttribute("role", "radio");
        option.dataset.id = String(t.id);
        option.setAttribute("aria-checked", String(t.id === selected));
        option.setAttribute("aria-disabled", String(!canRun(t)));
        option.tabIndex = t.id === selected ? 0 : -1;
        option.addEventListener("click", () => canRun(t) && this.select(t.id, true));
        return option;
      }),
    );
    this.globals.replaceChildren(
      ...state.globals.map(([name, value]) => el("tr", {}, el("td", {}, el("code", { textContent: name })), el("td", {}, el("code", { textContent: value })))),
    );
    if (hadFocus) this.#focusSelected();
  }

  select(id, focus) {
    this.selected = id;
    for (const option of this.threads.children) {
      const on = option.dataset.id === String(id);
      option.setAttribute("aria-checked", String(on));
      option.tabIndex = on ? 0 : -1;
    }
    if (focus) this.#focusSelected();
  }

  #focusSelected() {
    [...this.threads.children].find((o) => o.tabIndex === 0)?.focus();
  }

  #key(event) {
    const options = [...this.threads.children].filter((o) => o.getAttribute("aria-disabled") === "false");
    const at = options.findIndex((o) => o.dataset.id === String(this.selected));
    const moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (event.key in moves && options.length) {
      event.preventDefault();
      const next = options[(at + moves[event.key] + options.length) % options.length];
      this.select(Number(next.dataset.id), true);
    } else if (event.key === "Enter" && this.selected !== null && !this.stepButton.disabled) {
      event.preventDefault();
      this.onStep(this.selected);
    }
  }

  setBusy(busy, { canStep = true, canBack = true } = {}) {
    this.stepButton.disabled = busy || !canStep;
    this.backButton.disabled = busy || !canBack;
    this.resetButton.disabled = busy;
    this.root.dataset.state = busy ? "busy" : canStep ? "waiting" : "ended";
  }

  say(text) {
    this.status.textContent = text;
  }

  setOutput(text) {
    this.outputCode.textContent = text;
    this.output.hidden = !text;
  }

  remove() {
    this.root.remove();
  }
}
