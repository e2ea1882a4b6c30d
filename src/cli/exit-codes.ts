/** Exit codes are part of the stable interface (DESIGN.md). */
export const EXIT_OK = 0;
/** Findings at or above `--fail-on`. */
export const EXIT_FINDINGS = 1;
/** Usage error, unreadable input or bad YAML; everything readable was still scanned and reported. */
export const EXIT_INPUT_ERROR = 2;
