declare module 'virtual:scenario-cards' {
  const cards: import('../view/scenarioCards').ScenarioCard[];
  export default cards;
}
