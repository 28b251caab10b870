// Content types, formats and generation contracts (filled in by the content generation work).
export {};
