// How a threaded run is scheduled: the reader's choice in the Threads <select>, the
// options the Python runtime takes for it, and the label shown on the output. Pure.

// The <select>'s values → the runtime's mode, whether a seed applies, the option text,
// and how the output's label names it.
export const SCHEDULES = {
  gil: { mode: "gil", seeded: false, text: "Like CPython", label: "scheduled like CPython's GIL build (5 ms slices)" },
  replay: { mode: "gil", seeded: true, text: "Replayable (seed)", label: "replayable, like CPython's GIL build" },
  anywhere: { mode: "anywhere", seeded: true, text: "Switch anywhere (seed)", label: "switching anywhere" },
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
