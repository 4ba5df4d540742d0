// The part of twitter-text (a dev dependency without types) the X length bench calls.
declare module 'twitter-text' {
  const twitterText: { parseTweet(text: string): { weightedLength: number } };
  export default twitterText;
}
