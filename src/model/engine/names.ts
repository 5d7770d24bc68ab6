/**
 * Random container names, as moby's pkg/namesgenerator makes them:
 * "<adjective>_<notable scientist or hacker>", never "boring_wozniak"
 * ("Steve Wozniak is not boring"). A subset of the real lists.
 */
import type { Rng } from '../rng.ts';

const LEFT = ('admiring adoring affectionate agitated amazing angry awesome beautiful blissful bold boring brave busy charming clever ' +
  'compassionate competent condescending confident cool cranky crazy dazzling determined distracted dreamy eager ecstatic elastic ' +
  'elated elegant eloquent epic exciting fervent festive flamboyant focused friendly frosty funny gallant gifted goofy gracious great ' +
  'happy hardcore heuristic hopeful hungry infallible inspiring intelligent interesting jolly jovial keen kind laughing loving lucid ' +
  'magical modest musing mystifying naughty nervous nice nifty nostalgic objective optimistic peaceful pedantic pensive practical ' +
  'priceless quirky quizzical recursing relaxed reverent romantic sad serene sharp silly sleepy stoic strange stupefied suspicious ' +
  'sweet tender thirsty trusting unruffled upbeat vibrant vigilant vigorous wizardly wonderful xenodochial youthful zealous zen').split(' ');

const RIGHT = ('albattani allen almeida archimedes ardinghelli aryabhata austin babbage banach bardeen bartik bassi bell bhabha blackwell ' +
  'bohr booth borg bose brahmagupta brattain brown buck burnell cannon carson cerf chandrasekhar chaplygin chatelet chatterjee ' +
  'chebyshev clarke colden cori cray curie darwin davinci dijkstra dubinsky easley edison einstein elgamal elion engelbart euclid ' +
  'euler faraday fermat fermi feynman franklin gagarin galileo gates gauss germain goldberg goldstine goldwasser golick goodall ' +
  'hamilton haslett hawking heisenberg hermann hodgkin hoover hopper hypatia jackson jang jennings jepsen johnson joliot jones kalam ' +
  'kapitsa kare keldysh keller kepler khorana kilby kirch knuth kowalevski lalande lamarr lamport leakey leavitt lederberg lehmann ' +
  'lewin lichterman liskov lovelace lumiere mahavira margulis matsumoto maxwell mayer mccarthy mcclintock mclean mcnulty meitner ' +
  'mendel merkle mestorf mirzakhani montalcini moore morse moser murdock napier nash neumann newton nightingale nobel noether ' +
  'northcutt noyce panini pare pascal pasteur payne perlman pike poincare poitras ptolemy raman ramanujan rhodes ride ritchie ' +
  'robinson roentgen rosalind rubin saha sammet sanderson satoshi shamir shannon shaw shirley shockley sinoussi snyder solomon ' +
  'spence stonebraker sutherland swanson swartz swirles taussig tesla tharp thompson torvalds tu turing varahamihira vaughan ' +
  'villani visvesvaraya volhard wescoff wilbur wiles williams williamson wilson wing wozniak wright wu yalow yonath zhukovsky').split(' ');

/** namesgenerator.GetRandomName(retry): adds a digit suffix on retries, like moby. */
export function randomName(rng: Rng, retry = 0): string {
  for (;;) {
    const name = `${LEFT[rng.int(LEFT.length)]}_${RIGHT[rng.int(RIGHT.length)]}`;
    if (name === 'boring_wozniak') continue;
    return retry > 0 ? `${name}${rng.int(10)}` : name;
  }
}

/** Docker's container name rule (daemon/names: validContainerNamePattern). */
export const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
