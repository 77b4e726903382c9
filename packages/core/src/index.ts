// @rel/core: filled in by its own issue.
export {};
