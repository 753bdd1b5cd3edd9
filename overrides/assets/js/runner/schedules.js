// How a threaded run is scheduled: the reader's choice in the Threads <select>, the
// options the Python runtime takes for it, and the label shown on the output. Pure.

// The <select>'s values → the runtime's mode, whether a seed applies, the option text,
// and how the output's label names it. Each schedule is named for what it models
// (browser_runtime/threads/preempt.py; docs/playground.md explains them to readers).
export const SCHEDULES = {
  gil: { mode: "gil", seeded: false, text: "CPython 3.10+ (GIL build)", label: "scheduled like CPython 3.10+ (GIL build), 5 ms slices" },
  replay: { mode: "gil", seeded: true, text: "CPython 3.10+ (GIL build), replayable", label: "scheduled like CPython 3.10+ (GIL build), replayable" },
  gil39: { mode: "gil39", seeded: false, text: "CPython ≤ 3.9", label: "scheduled like CPython ≤ 3.9 (a switch may land at any instruction)" },
  anywhere: { mode: "anywhere", seeded: true, text: "Switch anywhere (seed)", label: "switching anywhere (free-threaded-like worst case)" },
};

export const newSeed = (random = Math.random) => Math.floor(random() * 1_000_000);

/** A seed field's text as a seed: a whole number, or null when it is not one. */
export function parseSeed(text) {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** The label suffix for a finished run: which schedule ran it, and the seed to replay it. */
export function scheduleLabel(outcome) {
  const seeded = outcome.seed != null; // Python's None arrives as undefined
  const how = Object.values(SCHEDULES).find((s) => s.mode === outcome.mode && s.seeded === seeded);
  const seed = seeded ? `, seed ${outcome.seed}` : "";
  return ` · threads ${how?.label ?? outcome.mode}${seed}`;
}
