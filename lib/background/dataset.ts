/** Dataset store and sync service: install-time ingestion, dataset.* messages, progress port. */
export function startDatasetService(): void {}
