// @rel/retry: filled in by its own issue.
export {};
