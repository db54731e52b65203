// Colours for every chart: the Okabe–Ito palette, which stays distinct for
// the common colour-vision deficiencies, on an opaque dark panel. The panel
// is the chart's own background, so the picture reads the same in Discord's
// dark and light themes (checked on both).

export const PANEL = '#1e1f22';
export const PLATE = '#1e1f22e6';
export const TEXT = '#f2f3f5';
export const MUTED = '#b5bac1';
export const GRID = '#3f4147';

/** Lane and node colours, in order. Yellow is left out: on a dark panel it is fine, but as a thin line it glares. */
export const SERIES = ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442'];

/** Stances: blue for backing, vermillion for opposing; opposing is also dashed, so colour is never the only cue. */
export const BACKS = '#56B4E9';
export const OPPOSES = '#D55E00';
