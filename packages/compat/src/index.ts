// @rel/compat: filled in by its own issue.
export {};
