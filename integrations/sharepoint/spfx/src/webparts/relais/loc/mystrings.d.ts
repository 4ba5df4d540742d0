declare interface IRelaisWebPartStrings {
  PropertyPaneDescription: string;
  ContentGroupName: string;
  DataGroupName: string;
  ShowLabel: string;
  ShowShareCard: string;
  ShowLeaderboard: string;
  ShowComposer: string;
  ItemLabel: string;
  ItemDescription: string;
  CategoryLabel: string;
  CategoryAny: string;
  CategoryProduct: string;
  CategoryCulture: string;
  CategoryIndustry: string;
  ModeLabel: string;
  ModeRanking: string;
  ModeTiers: string;
  ModeTeams: string;
  ModePersonal: string;
  PeriodLabel: string;
  PeriodWeek: string;
  PeriodMonth: string;
  PeriodQuarter: string;
  PeriodYear: string;
  PeriodAll: string;
  NetworkLabel: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
}

declare module 'RelaisWebPartStrings' {
  const strings: IRelaisWebPartStrings;
  export = strings;
}
