export { CorpusError, type CorpusErrorCode } from './errors';
export { decodeDocument, decodeText, MAX_DOCUMENT_BYTES, type DecodedText } from './decode';
export { splitCorpus, splitText, fileStem, type Document } from './split';
export { articleDate, parseDate } from './dates';
