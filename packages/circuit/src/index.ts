// @rel/circuit: filled in by its own issue.
export {};
