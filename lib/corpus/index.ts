export { CorpusError, type CorpusErrorCode } from './errors';
export { decodeDocument, MAX_DOCUMENT_BYTES } from './decode';
export { splitCorpus, splitText, fileStem, type Document } from './split';
