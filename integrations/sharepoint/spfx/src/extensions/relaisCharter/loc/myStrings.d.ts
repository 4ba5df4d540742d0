declare interface IRelaisCharterStrings {
  Title: string;
  NoTopPlaceholder: string;
}

declare module 'RelaisCharterStrings' {
  const strings: IRelaisCharterStrings;
  export = strings;
}
