define([], function () {
  return {
    Title: 'Relais charter',
    NoTopPlaceholder: 'This page has no Top placeholder: the charter banner is not shown.'
  };
});
