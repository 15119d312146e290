// The fake Google API server lives in functions/src/dev/fake-google, where `npm start` can use it
// too (its Forms part serves the local partner forms); tests keep importing it from here.
export * from '../../../functions/src/dev/fake-google/index.ts';
