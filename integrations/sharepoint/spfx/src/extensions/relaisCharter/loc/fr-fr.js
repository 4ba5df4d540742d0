define([], function () {
  return {
    Title: 'Charte Relais',
    NoTopPlaceholder: 'Cette page n\u2019a pas d\u2019emplacement « Top » : le bandeau de la charte n\u2019est pas affiché.'
  };
});
