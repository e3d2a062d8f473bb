# Thema ddiofyn convene: testunau'r rhyngwyneb yn Gymraeg.
# convene's default theme: interface texts in Welsh. A site changes any of
# them in its own i18n/cy.ftl (only the ones it changes).

language-name = Cymraeg

## Dyddiadau
date = { $day } { $month } { $year }
dates-between = { $starts } i { $ends }
dates-from = O { $starts }
dates-until = Tan { $ends }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Geiriau y mae cod y thema yn eu hysgrifennu
photo-of = Llun o { $name }
flag-draft = Drafft
flag-internal = Mewnol yn unig
flag-embargoed = Dan embargo tan { $until }
responding-level-1 = Diolch a rhannu
responding-level-2 = Ateb ar ei bynciau ei hun
responding-level-3 = Delio â chwynion a'r cyfryngau
responding-level-unknown = Lefel anhysbys

## Ieithoedd
languages-label = Iaith
untranslated = Nid yw'r dudalen hon wedi'i chyfieithu eto: mae ei thestun ym mhrif iaith y wefan.

## Pennyn a throedyn
skip-link = Neidio i'r prif gynnwys
banner-internal = Llawlyfr mewnol.
banner-staff-only = Ar gyfer staff { $organisation } yn unig: peidiwch â rhannu'r dudalen hon, na lluniau sgrin ohoni, y tu allan i'r sefydliad.
nav-main = Prif ddewislen
nav-guidelines = Canllawiau
nav-respond = Pwy sy'n ymateb
nav-people = Pobl
nav-topics = Pynciau
nav-stories = Straeon
nav-campaigns = Ymgyrchoedd
nav-search = Chwilio
footer-charity-number = , elusen gofrestredig rhif { $number }
footer-about = Am y wefan hon
footer-privacy = Hysbysiad preifatrwydd
footer-accessibility = Datganiad hygyrchedd
footer-contact = Cysylltu â ni
footer-donate = Cyfrannu
footer-get-involved = Cymryd rhan
footer-social = { $organisation } ar y cyfryngau cymdeithasol
footer-public-hub = Mae'r hwb cyhoeddus yn

## Chwilio
search-playbook-title = Chwilio'r llawlyfr
search-playbook-label = Chwilio canllawiau, straeon, ymgyrchoedd a phobl
search-needs-js = Mae angen JavaScript i chwilio. Hebddo, porwch:
search-hub-title = Chwilio { $site }
search-hub-label = Chwilio pobl, straeon ac ymgyrchoedd

## Hafan
home-playbook-lead = Sut rydyn ni'n defnyddio'r cyfryngau cymdeithasol yn { $organisation }: ein canllawiau, pwy all ymateb ar beth, pob proffil gyda manylion cyswllt, a phob stori, gan gynnwys drafftiau a straeon dan embargo.
home-read-guidelines = Darllen y canllawiau
home-who-responds = Pwy sy'n ymateb ar beth
home-signatures = Llofnodion e-bost
home-find-someone = Dod o hyd i rywun i siarad â nhw
home-read-stories = Darllen ein straeon
home-changes = Beth sydd wedi newid yn ddiweddar
flag-also-public = Cyhoeddus hefyd
home-meet-people = Dewch i gwrdd â'n pobl
home-all-people = Gweld pob un o'r { $count } o bobl
home-ask-heading = Gyda phwy i siarad am…
home-ask-lead = Oes gennych chi gwestiwn? Dewiswch beth yw'r pwnc a siaradwch â rhywun sy'n gweithio arno.
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } o bobl
}
home-ask = Gofynnwch i
list-or = neu
home-all-topics = Pob un o'r { $count } pwnc
home-recent-stories = Straeon diweddar
home-all-stories = Pob stori
home-social-media = Sut rydyn ni'n defnyddio'r cyfryngau cymdeithasol

## Datganiad hygyrchedd
a11y-title = Datganiad hygyrchedd
a11y-lead = Mae { $site } ar gyfer pawb sydd eisiau cwrdd â phobl { $organisation }. Rydyn ni eisiau i chi allu darllen a defnyddio pob tudalen, beth bynnag yw eich dyfais, eich golwg, eich dwylo neu'r ffordd rydych chi'n pori.
a11y-aim-heading = Ein nod
a11y-aim-before = Nod y wefan yw cyrraedd
a11y-aim-wcag = Canllawiau Hygyrchedd Cynnwys y We (WCAG) 2.2
a11y-aim-after = ar lefel AA.
a11y-does-heading = Beth mae'r wefan yn ei wneud i chi
a11y-does-keyboard = Mae pob tudalen yn gweithio gyda bysellfwrdd yn unig: daw dolen "Neidio i'r prif gynnwys" yn gyntaf, ac mae'r man lle rydych chi bob amser wedi'i amlinellu'n glir.
a11y-does-contrast = Mae gan destun a botymau gyferbyniad o 4.5 i 1 o leiaf yn erbyn eu cefndir, a llinellau ac ymylon pwysig 3 i 1 o leiaf, yn y cynllun lliw golau a'r un tywyll. Mae ein lliwiau ein hunain yn cael eu gwirio yn erbyn y ffigurau hyn cyn cyhoeddi'r wefan.
a11y-does-schemes = Mae'r wefan yn dilyn modd golau neu dywyll eich dyfais, ac yn diffodd symudiad pan fyddwch chi'n gofyn i'ch dyfais am lai o symud.
a11y-does-phone = Mae tudalennau'n ffitio sgrin ffôn heb sgrolio i'r ochr, ac mae'r testun yn tyfu gyda chwyddo eich porwr.
a11y-does-structure = Mae tudalennau'n defnyddio penawdau, tirnodau a rhestrau, fel y gall darllenwyr sgrin symud drwyddyn nhw, ac mae gan luniau o bobl a straeon ddisgrifiadau.
a11y-does-scripts = Mae chwilio a hidlo'n gweithio gyda'r bysellfwrdd ac yn dweud faint o ganlyniadau a gafwyd. Mae angen JavaScript arnyn nhw ac ar y botymau copïo; mae pob tudalen a dolen yn gweithio hebddo.
a11y-tested-heading = Sut mae'n cael ei brofi
a11y-tested-how = Mae pob math o dudalen yn cael ei phrofi'n awtomatig yn y porwr Chromium, 375 a 1280 picsel o led ac yn y cynllun lliw golau a'r un tywyll, gydag
a11y-tested-axe = (ei reolau WCAG 2.0, 2.1 a 2.2 A ac AA) a'r
a11y-tested-keyboard = Mae chwilio, hidlo, copïo a'r rhyngweithiadau eraill hefyd yn cael eu profi gyda'r bysellfwrdd yn unig.
a11y-limits = Ni all profion awtomatig ddod o hyd i bob problem, ac mae'r geiriau a'r lluniau'n cael eu hysgrifennu gan ein staff: gall disgrifiad o lun golli'r hyn sy'n bwysig, neu gall dolen ddweud rhy ychydig.
a11y-report-heading = Dweud wrthon ni am broblem
a11y-report = Os yw rhywbeth ar y wefan hon yn anodd ei ddefnyddio, neu os oes angen yr wybodaeth arnoch mewn fformat arall, rhowch wybod i ni
a11y-report-at = yn
a11y-report-through = drwy
a11y-website = wefan { $organisation }
a11y-report-then = Dywedwch pa dudalen oedd hi a beth ddigwyddodd, a byddwn ni'n ateb ac yn ei gywiro.
