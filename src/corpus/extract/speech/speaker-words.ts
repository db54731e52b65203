// The words a speaker phrase is made of: roles it can end on ("spokesman",
// "officials"), words that may stand before them ("senior", "foreign"), and
// capitalised words that are not names ("On", "Monday", "Some"). Lists, not
// rules: a word missing here only means a statement missed, never one put
// in the wrong mouth.

export const set = (s: string) => new Set(s.split(/\s+/));

/** Words a speaker phrase can end on (lower case). */
export const ROLE = set(`official officials minister ministers ministry ministries spokesman spokeswoman spokesperson spokespeople
  spokesmen president presidency leader leaders chief head secretary ambassador envoy diplomat diplomats analyst analysts
  expert experts source sources government office agency service committee council commander commanders general adviser
  advisers advisor advisors aide aides representative representatives deputy governor mayor lawmaker lawmakers legislator
  legislators mp mps parliament speaker chairman chairwoman chair director executive department authorities military army
  police embassy negotiator negotiators observer observers residents resident witnesses witness activists activist
  opposition party campaigners researchers researcher scientists economist economists officer officers soldier soldiers
  bureau prosecutor prosecutors judge court lawyer lawyers attorney member members critics supporters protesters organisers
  organizers administration cabinet correspondent journalist journalists editor professor fellow founder ceo owner people
  person man woman group company firm coalition alliance movement union delegation mission staff team investigators
  inspectors monitors prosecutor-general premier chancellor king queen emir sheikh cleric clerics pope ombudsman
  insiders insider envoys generals colleagues colleague airline bank network broadcaster newspaper institute foundation
  university regulator watchdog operator carrier federation association tribunal commission board authority forces navy
  guard organisation organization secretariat mission campaign daughter son wife husband mother father brother sister
  friend neighbour neighbor farmer owner worker workers student students teacher doctor doctors nurse survivor
  survivors victim relatives family families villagers locals refugees voters citizens citizen officials' strategist
  strategists manager managers coordinator specialist specialists consultant consultants partner lecturer historian
  author writer commentator columnist pollster sociologist paper`);
/** Plural roles: a group speaks. */
export const PLURAL_ROLE = /(?:s|people|staff|police|military|authorities|opposition)$/;
/** Lower-case words that may stand before the head. */
export const MODIFIER = set(`the a an his her their its our one two three four five several some many other both senior top former
  deputy foreign defence defense interior prime vice junior local regional state federal national international military
  security intelligence presidential chief general press economic political energy health finance justice emergency
  emergencies environment trade affairs independent anonymous unnamed western european high-ranking ranking acting
  outgoing incoming new longtime veteran leading prominent retired exiled ruling country's government's ministry's
  party's army's nation's region's city's foreign-policy de facto self-proclaimed separatist rebel opposition civilian
  official defense-ministry deputy-foreign`);
export const INDEFINITE = set('a an one two three four five several some many other');
/** Unnamed groups and sources, anonymous even with "the" ("the officials"). */
export const UNNAMED = set(`officials source sources diplomats analysts experts residents witnesses insiders people activists
  critics observers campaigners researchers`);
/** Capitalised words that are not names: they end a phrase walked back over. */
export const NOT_NAMES = set(`On In At For By But And After Before During Since When While As If Although Though Meanwhile However
  Also Yet So Then Last This That These Those He She They Earlier Later Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday
  Saturday Sunday January February March April May June July August September October November December Speaking Asked
  Separately Instead Now Still Even Only It I We You Our My Their His Her Its There Here What Why How Who Where Which
  Following According Without With From To Under Over Despite Amid Of Did Does Do Will Would Can Could Should Has Have
  Had Is Are Was Were Some Many Most All Several Both Each Every Any No Other Another One Two Three Few Such`);
