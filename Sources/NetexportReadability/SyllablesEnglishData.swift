// Data of the English syllable rules (`SyllablesEnglish.swift`).

extension EnglishSyllableRules {
  /// The rules, applied in order to every position of a word; a later rule overrides an
  /// earlier one at the same letter. Each line is an action and its patterns:
  ///
  /// - `silent`: the target letter is not a vowel (`C!e$`: final e after a consonant);
  /// - `vowel`: the target letter is a syllable's vowel (`l!e$` after a consonant: *table*);
  /// - `break`: a syllable starts at the target vowel (hiatus: `i!a` in *dial*);
  /// - `nobreak`: undoes a break (`[cgst]i!a$`: *Asia*, *special*).
  ///
  /// Patterns: `!` before the target letter, `^` start, `$` end, `.` any letter, `V` a vowel
  /// letter (aeiouy), `C` any other, `[abc]`/`[^abc]` classes, `(ab|cd)` alternatives, and a
  /// leading `%`: only when a vowel letter comes before the match. `Y` and `W` stand for
  /// consonantal y and u (see `marked`). Written against the training three quarters of CMUdict
  /// (words whose CRC-32 is not a multiple of 4); the rest is held out by the benchmark.
  static let text = """
    # Each rule: ACTION pattern... ; '!' marks the target letter. Later rules override earlier ones.
    # silent final e, -es, -ed
    silent C!e$ C!es$ [^aeiouytd]!ed$ %C!ely$
    vowel [^aeiouylrw]l!e$ [^aeiouylrw]l!es$ [^aeiouylrw]l!ed$
    vowel [bcdgkptv]r!e$ [bcdgkptv]r!es$ [bcdgkpt]r!ed$
    silent ^(lif|hom|fir|wir|for|ey|spok|whol|stor|min|sid|hid|spac|rac|grav|whit|duk|bridg|sledg)!e[bcfghklmpqstvwzou]
    silent ^(strok|strik|gam|hous|hop|wav|lat|saf|nin|bas|cas|car|nam|not|tim|lin|ston|tak|mak)!e[bcfghklmpqstvwzou]
    silent ^(shap|lak|cak|bak|ros|nos|pip|win|shor|som|non|lov|mov|tid|wid|brid|ic|lim|dim|tub)!e[bcfghklmpqstvwzou]
    silent ^(bon|zon|lon|stat|dat|trad|shad|blad|spad)!e[bcfghklmpqstvwzou]
    vowel %!est$
    vowel [sxzcg]!es$ [cs]h!es$
    # silent e before suffixes and compound heads
    silent [aiouy][^aeiouy]!e(ment|ments|ful|fully|less|ness|nesses|some|ship|ships|hood|work|works|ware|wide|time)$
    silent [aiouy][^aeiouy]!e(times|line|lines|side|sides|way|ways|wise|like|thing|things|ball|balls|man|men|land)$
    silent [aiouy][^aeiouy]!e(place|day|days|room|book|books|stone|light|house|houses|shop|body|how|what|where|style)$
    silent [aiouy][^aeiouy]!e(ty)$
    silent Ve[^aeiouy]!e(ment|ments|ful|less|ness)$ %[^aeiouy][cg]!e(ment|ments|ful|less|ness)$
    silent %[lr]v!e(ment|ments|ful|less|ness)$
    silent ^ev!ery. ^mor!eo ^ther!e[^e] ^wher!e[^e]
    silent ic!ally$
    # syllabic -sm, -thm
    vowel s!m$ s!ms$ th!m$ th!ms$
    # vowel + ing
    break V!ing$ V!ings$
    # hiatus
    break i!a
    nobreak [cgst]i!a[^t] [cgst]i!a$ illi!a rri!ag Vli!a[nr] [cst]i!ativ
    break ^gi!ant
    break i!o
    nobreak [cgstx]i!o[nu] hi!o[nu] Vni!on lli!o [nv]i!or
    break e!o ^ge!o
    nobreak [gc]e!o pe!op le!op ^Ye!o je!op
    break u!a
    nobreak su!a[dsv] ju!a
    break u!o
    nobreak flu!or
    break [dfglr]u!e[lnt]
    break u!in[^g] u!in$ u!id u!ici u!it[iy]
    break i!u
    break i!et
    break [^cstn]i!ent [^cst]i!ence sci!en %li!en i!err
    break %Ci!er$ %Ci!ers$ i!est$
    nobreak shi!er$
    break %e!a$ %e!as$ cre!at %[bdnprt]e!an ine!ar ^the!at e!ali[tz] ^re!act
    nobreak cre!atu
    break e!um$ e!ums$ le!us
    break co!ag o!a$ ^po!e[mt] ^co!e o!ic$ o!ics$ a!ic$ a!os
    break ^co!ord ^co!opera ^zo!ol
    break ry!o ^my!o y!one$ ^cy!a ^my!e [^aeiouyw]y!er
    vowel [^aeiouy]ir!e$ [^aeiouy]ir!e[dsml]
    break ^co!al[ie] o!ev
    vowel ^m!c
    break ^mc!V ^re!in[cftv] ^re!inst
    break ^re!a(ss|pp|ff|rr|tt|dd|dj|cq|ct|wa|wak|ccus|lign|lloc) ^re!e(le|st|x|m|nt|ng|v)
    break ^re!i(mb|ns|nv|nt|nf|ss)
    break ^re!u(n|s|p) ^re!o(p|r|c) ^pre!e(m|x|s) ^pre!a(rr|mb|ss|ppr|dm) ^pre!o(p|c|rd) ^de!i(f|t|s) ^de!ac[t]
    break ^co!inc[i] ^co!e(x|rc|d|q|v|ff) ^co!a(ut|ct|l[ie]|g)
    break %ro!e[nlc] [ei]o!a y!i u!ett [^aeiouy]u!en[tc] u!itou usi!as [ct]i!ary %o!ist
    nobreak che!o
    break ^(gastr|hydr|micr|macr|neur|cardi|radi|ket|vas|chem|cry|oste|enter|bronch|psych|therm)o!V
    break ^(electr|angi|lymph|immun|hist|cyt|hepat|nephr|arteri|ather|onc|path|physi|pseud|prot)o!V ^(zo|bi)o!V
    break %u!ita phage!al ynge!al one!al
    """

  /// Interjections without a vowel letter, read as one syllable.
  static let interjections: Set<String> = [
    "hmm", "hm", "mm", "mmm", "shh", "sh", "psst", "pst", "brr", "grr", "tsk", "nth", "zzz", "pfft", "ssh",
  ]

  /// Words whose syllables the rules get wrong, with CMUdict's count for its first
  /// pronunciation: the 1,500 most frequent such words (by the English frequencies of the
  /// `wordfreq` package) of the training part of CMUdict, so no held-out word is among them
  /// (1,496 entries).
  static let exceptionText: [(syllables: Int, words: String)] = [
    (
      1,
      """
      aches chiang coeur ct dietz dower drawer drawers drouin duan duane freda gruen huan huang hz isles jeong lbs
      leong lian liu ln maher meagher mired morgue ms ng niall pires priest puente reeled reeve reeves reins reiss
      reuss seoul shire shires sires spire squire st swire taos truong vliet whoa xian xiao xuan
      """
    ),
    (
      2,
      """
      abbe abed ac acme acne admire afire aires aldeburgh alfred algiers allred alves amr ante aoi aon ap arsehole
      artes asheville aspire aspired aspirin assuage attired auer aug ave averaged awestruck ayesha bachelors
      backfire baez baie baier barefoot basel bauer bayesian bebe belleville bellevue bene benes berkshire
      berkshires bivouac blakeley blakemore bloodshed bluer bluest bluetooth bluey boas boaz bocce boredom bracelet
      bracelets brauer braveheart breastfed breuer bridget bridgette brien brier bronte bryan buell buick buono
      buoyant bustier caress caressed carew carlisle cashiers catharine catholic catholics cds celia ceres
      chargeback cheesecake chelsea cheong cheshire chiara chile chloe chocolat chocolates choir chokehold
      chromecast chui claremont cliche cliched clothier clydesdale coates cocoa codebase coleridge coleslaw collier
      colonel colonels comeback comedown conscience conyers cowles cranial crier croat croats croce crooked
      crossfire crozier cruelly cuenca cuoco cutesy dahlia dalia dante daresay deathbed debora debuted delia dente
      devilish diamonds diaper dier dietrich diez dolce dovetails drier dueling duis dukedom dulles eavesdrop ebbed
      edgewood edgeworth eduard elsewhere embed ente erle esme esquire este estes eu evenings expired eyeball
      eyeballs eyebrow eyebrows eyeglass eyelash eyelet eyelid eyelids eyepiece eyesight facedown facelift falsehood
      farewell farewells filename fireman firemen firestorm fivefold flaherty flatbed flier flores forests frasier
      frazier fredericks freer freest frontier fruiting fuelling gagne galesburg gallia gatewood gaultier genial
      genius genres georg georgetown gimme giorgi glacier gloucester glyndebourne goer gomes gooey grapefruit
      grapevine grapevines gravel graveyard graveyards grosvenor guinea hauer havelock hedgehog hedgehogs heer
      heinemann hellfire henceforth hermes herpes heuer hier hodgepodge hoey hoosiers horseback horseman horsemen
      horseshoes hotbed huey hui hyatt ibn imre ines innes inquire inspire inspires iq jaffe jagged jaime jameson
      jamestown janesville jared jayme jaymes jefferies jere jesse jiangsu joann joanne joao jocelyn joel joelle
      joneses jonestown jorge judgeship jukebox julia julius katharine kcal khaled kiev kmart kobe krone kuala
      lanier latte lauer leann leant leasehold leicester lemme lendl leonie linkedin livestock lockyer lodgepole
      lois louie louis louise lovell lovett lucius lui lukewarm lyon lyons macmahon maeve maguire mahe maier manfred
      mauer maui maybe mcleod meer meier mendes messrs mhm miers mincemeat moab molesworth monte montes moonves
      mores moshe mousetrap mpeg mrs mui myerson nadia naive naked nasr nauseous neue neuer newswire ngo ngos nier
      noaa noah nosedive nuovo ochre oj ok omelet omelets oneself paean papier passe pele penske pepe peres petr
      phoebe pieter pinterest platelet pliers premier premiers princeton pruitt psyche purebred rai rainier raoul
      rapeseed rearm rebbe rene repr rhea rhinestones ridgefield ridgeway ridgewood righteous rinehart roderick
      rosettes rugged ryan ryerson sagebrush salesforce salesman salesmen sante sauer saute scapegoat scarecrows
      scion scoreboard scorecard scoured scours scsi seabed seance sergius seve sgt shakedown shakespeare shiite
      shiites shoveling shreveport shropshire shui siad siam sichuan siobhan sizemore skateboard skopje smokescreen
      snarled soldier soldiers soledad sonia sophomore sophomores sourcebook soured sovereign sovereigns soybean
      soybeans spaniard spiers spongebob stagecoach stagecraft stalemate suarez suey suez svp tangiers tania
      tarleton tasteful tasteless tempe thalia thea theatrics therese thier thierry tia tilde toews torres truest
      truex tsui tuohy tuolumne typecast typeset tyres usenet uv valdes vampires vaudeville verde verdes viceroy
      villiers vineyard vineyards visuals voicemail wasteful wasteland wednesdays werewolf werewolves whittemore
      wicked wildflowers wilfred wiltshire wireless wireline woodshed worcester wretched wyeth xavier xbox xers xtra
      yeates yeo yerkes yorkshire yuletide zaire zayed zhejiang zoe zoey
      """
    ),
    (
      3,
      """
      aaa aba abc abcs abd abkhazia acc ach achille acquiesce adlai adobe adrienne aegean aeneid afl aguirre aichi
      aiello alleles allende ama amalia ambien amc amd amelia andante angeles anime anions antares antietam aoki aol
      aorta aortic apc api apo arai arduino ariel aryan assiduous atheist atheists atheneum ati atm atp atv atx
      auerbach aureus australia awesomely aylesbury azaleas barbeque batiste battalions battersea beata begonia
      behaviour behaviours berrien beverages beyonce biennale biomed blvd bodine bombardier bouillon brierley
      brigadier bruxelles bukkake buoyancy businesslike businessman businessmen cabinetry caceres caesarean
      caressing carryover casale casella cassia catania cation cavalier caveat cea ceaselessly cecelia cecilia
      cereal cereals cervantes cespedes cfo cgi chandelier chaotic cheeseburger cheeseburgers christiane cia cialis
      cicely circumference clemente clo cmu cochlear collegiate comanche comrie confucius congenial consciences
      convenience corbusier cordially cornelia corzine cpu croatia croatians csi dacia dalian damien daredevil
      daredevils darien davide deanna deboer decorative defenseless degrasse delores delphine desai devonshire
      devoured devours diego disbursement disbursements dna doable dui duvalier dvds eavesdropping ecuador eduardo
      eeo elliot elliott ems endorsement endorsements ennui enrique epa etienne excellency eyeglasses eyelashes
      eyeliner eyeshadow eyewitness familial fayetteville fbi fda fernandes ferrante fiance fiery figurehead finale
      financier financiers fiore firebird firebrand fireflies firefox firehouse fireplace fireproof fontainebleau
      forerunner forerunners forested forester foresters fujii gabriel gabriele gabrielle garcia gardenia gatekeeper
      gatekeepers gaussian geordie georgi gigante giggly gillian giordano giorgio globetrotters goering gonsalves
      gonzales gooseberries gravelly groening gustave gutierrez halcyon harare hawaii hbo hebrides heroin heroine
      hestia hideo hideous hiv holyoke horatio horsemanship horseradish hotelier hourglass humblest humphries
      hyacinth hyannis hydropower hyena hyenas ibm impoverished incestuous infante infrared ingenious inouye
      intaglio intuit ione iou irs ishii issuer issuers jesuits johannes jonesboro josiah juiciest julianne kantian
      karate kardashian katia keanu keisuke kilian koala koichi kuomintang kyoko lacombe lagarde laity lancashire
      larose laureate laureates lavine lazare leander leandro leconte leopold lepore libya libyans likelier
      likeliest likelihood liliane lincolnshire linehan linguine littlest livelihood livelihoods liveliness livonia
      llorente loewen loggia louisville lucien lucrezia luisa lyonnais mabry machete machetes machinegun madeline
      maeda magnolia magnolias mariel marrone masao matsui mba mccaffery mcdiarmid mcentire mcinnes mcintire meander
      meanders mengele mercedes milian ministering minoan minuet mitsui miyake mohamed mohammed monroeville montague
      montgomery montreal mri msgr mugabe muhammed muriel naively namaste naoki nba newlywed niagara nieves nineveh
      nogales nuclear nuclei nucleic nuzzling oahu oas oases oasis okabe olathe omniscient ophelia orangeburg
      orestes orpheus ostia oversea pacemaker pacemakers parliament pasquale pavilion pavilions peacekeeper
      peacekeepers peacekeeping pelletier permeate permeates perrine perseus peyote philippe phrygian pilates
      pleiades pneumonia pontiac powerfully principe proactive prosciutto protease provincetown pursuer pursuers
      pygmalion quiescent qureshi radioed rafael rapprochement ratepayers rca realise realised realists recipe
      recipes recruiting reenact regalia reignite reina reliant remorseless renate requirements rescuer rescuers
      retirements reveille ricocheted righteously riverbed rna rodrigues rosetta rte rulemaking rwanda rwandan
      ryanair sakai salesmanship saleswoman salome samoan samuels sapiens sarmiento scapegoating scuffling seattle
      sedalia sesame severally seyfried shamelessly shaolin sharecroppers shareholdings shizuoka shoshone sicilia
      signore socrates solely sos souring sovereignty specialities stakeholder stakeholders statuesque stoically
      superfluous surety suspenseful suv suvs tadeusz takao takeo takeshi tamales taoism tastefully tavares
      temperament temperaments thaddeus theism theresa tianjin tiara ticklish titania tolkien tracheal transience
      transients truism typesetting typewriter ufo ufos undersea unforeseen unyielding urls usa uss valente valuable
      valuables valueless valverde varietal vaseline vegetable vermilion versace vicente vieira vienna vincennes
      vincente vip vips virginian virginians visualize visualized visually vivien vivienne wannabe wannabes
      warehousing wastewater waynesboro weyerhaeuser wherever wiggly winifred wiretap wiretapped wobbly
      worcestershire wyoming yarbrough yoichi
      """
    ),
    (
      4,
      """
      abalone abyssinian accompaniments acquiescence acquirer aforementioned agreeable aleksandr ameliorate amnesiac
      antiaircraft antigone aphrodite apostrophe appalachian arboreal archimedes ariadne assiduously atheistic
      backfiring belafonte biennial bolognese borealis businesspeople businessperson businesswoman businesswomen
      calabrese california californian californians cardassian cassavetes catalonia catastrophes cavaliere celestine
      chicagoans christiana cleopatra coaxial collegial comandante comedienne communique complementary concepcion
      conceptualize continuum cooperatives correia cristiano cuneiform delineate dementia desiring devouring
      diabetes dickensian directv disinterested edinburgh egoism elaborately emanuel emdr emmanuelle emotionally
      entirety epithelium epitome espn etc ethereal ethically eyewitnesses facsimile facsimiles farquharson feb
      fettuccine firebombing firecrackers firefighters gabriela galicia galilean genitalia geocentric geodesic
      geodesy geodetic geographer geographic geologic geology geometry georgiana giamatti giancarlo guglielmo
      hanseatic hegelian herculean hermione heroically hialeah hideously hinduism hispaniola hyperbole ieee iglesia
      iglesias impoverishment inconspicuous inconvenience ingeniously innuendo innuendos inquiring invaluable isbn
      isosceles izvestia jingoism judaism juliana kamikaze kaohsiung karaoke kilauea koreatown laboratories
      lanceolate lapd lineages luciano macedonian malleable marciano materiel meandering messianic minutiae
      moviegoers mycenaean nacional naivete nauseated nauseating neanderthal neanderthals nicolai nicosia
      nonessential noriega nucleation nvidia oceanic odysseus oecd officeholders oleander osceola ouagadougou
      overpowering overseer overseers oviedo palmieri penelope pennsylvania permeable permeated permeating
      poinsettia policewoman pollyanna polyester powerpc proactively prometheus protozoan raffaele ranieri
      readmission readmitted realises realization realizations rearmament rediscovery reenactment reenactments
      reimbursement reimbursements reiterate resiliency resourcefulness retroactive rewiring riviera saitama sakurai
      santiago scipione shakespearean shevardnadze sicilian societe stoicism superfamily tactically takeuchi tcas
      teleconference tiananmen triennial uehara uninterested uninteresting unreasonable unsuitable usda usmc ussr
      valencia valkyrie venereal vestigial veterinary vigilante vigilantes villareal visualizing watanabe
      wiretapping yamauchi zimbabwean zoological
      """
    ),
    (
      5,
      """
      aborigine aborigines absenteeism algebraically ambiguities ambiguity amphitheater amyotrophic anacostia
      anatolian archeology aristophanes baccalaureate castiglione christianity cooperatively delineated delineation
      disagreeable dwi ecclesiastic ecuadorian emanuele encarnacion expediency extraordinaire feliciano genealogy
      geographical geological geomagnetic geometrical geometrically geophysical geopolitics gravitationally
      heterogeneous homeopathic homeopathy homeostasis homeostatic hyaluronic idealistic inalienable inconveniences
      intercollegiate intraocular italiana louisiana maximilian memorabilia minneapolis mononuclear monotheism
      montefiore nazionale neapolitan overreacted overreacting overreaction parliamentary partiality penitentiary
      photoelectric photovoltaics pietermaritzburg polyethylene polytheism polytheistic realistically reeducation
      reiterated retaliatory retroactively speciality spontaneity theologian
      """
    ),
    (
      6,
      """
      archeological aristotelian conceptualization fyi genealogical geographically homogeneity impartiality
      intelligentsia internationale malleability parliamentarian peculiarity permeability piezoelectric
      reauthorization uncoordinated unrealistically videoconferencing
      """
    ),
    (
      7,
      """
      cardiomyopathy denuclearization heterogeneity socioeconomic stereotypically
      """
    ),
  ]
}
