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
## Geiriau y mae sawl tudalen yn eu rhannu
topics-label = Pynciau
tags-label = Tagiau
hashtags-label = Hashnodau
staff-notes = Nodiadau staff
find-someone = Dod o hyd i rywun
opens-in-new-tab = (yn agor mewn tab newydd)
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
stories-count = { $count ->
    [one] { $count } stori
   *[other] { $count } o straeon
}

## Rhifau tudalennau o dan restrau hir
pager-previous = Blaenorol
pager-previous-hidden = (tudalen)
pager-next = Nesaf
pager-next-hidden = (tudalen)
pager-page = Tudalen
list-description-page = { $list }, tudalen { $number }: { $stretch }.

## Proffil person
person-team = Tîm:
person-based-in = Yn gweithio yn:
person-staff-only = Staff yn unig
person-no-consent = Nid yw ar yr hyb cyhoeddus: dim caniatâd i gyhoeddi.
person-consent-lapsed = Mae angen adolygu'r caniatâd: mae'r dyddiad adolygu ({ $date }) wedi mynd heibio, felly nid yw'r proffil hwn ar yr hyb cyhoeddus nes i'r caniatâd gael ei adnewyddu.
person-consent-review = Adolygu'r caniatâd: { $date }
person-responding = Lefel ymateb { $level }: { $label }
person-responds-on = , ar { $topics }
person-signature = Llofnod e-bost { $name }
person-ask-me-about = Holwch fi am
person-online = { $name } ar-lein
person-share = Rhannu'r proffil hwn
person-share-text = Dewch i gwrdd â { $name }, { $role }
person-qr = Cod QR ar gyfer { $url }
person-qr-caption = Sganiwch i agor y proffil hwn
person-vcard = Ychwanegu { $name } at eich cysylltiadau
person-stories = Straeon gyda { $name }
person-related = Pobl eraill y gallech siarad â nhw
card-not-public = Nid yw ar yr hyb cyhoeddus

## Y cyfeiriadur pobl
people-title = Pobl
people-title-page = Pobl, tudalen { $number }
people-description = Dewch i gwrdd â phobl { $org } a dod o hyd i rywun i siarad ag ef, yn ôl enw, pwnc, tîm neu le.
people-description-short = Pobl { $org }
people-count-playbook = , gan gynnwys y rhai nad ydynt ar yr hyb cyhoeddus
people-browse-by = Pori yn ôl
people-browse-topic = pwnc
people-browse-team = tîm
people-browse-or = neu
# After "neu" (or), so softly mutated: lle -> le.
people-browse-place = le
finder-name = Enw neu rôl
finder-topic = Pwnc
finder-any-topic = Unrhyw bwnc
finder-team = Tîm
finder-any-team = Unrhyw dîm
finder-place = Lle
finder-any-place = Unrhyw le
people-everyone = Pawb
people-page-of = tudalen { $current } o { $total }
people-pager = Tudalennau pobl

## Straeon
stories-title = Straeon
stories-title-page = Straeon, tudalen { $number }
stories-description = Straeon gan { $org }: beth mae ei phobl wedi bod yn ei wneud, y diweddaraf yn gyntaf.
stories-from = Straeon gan { $org }
stories-page-of = Tudalen { $current } o { $total }, y diweddaraf yn gyntaf
stories-all = Pob stori, y diweddaraf yn gyntaf
stories-pager = Tudalennau straeon
stories-none = Dim straeon eto.
story-draft-note = heb ei chyhoeddi eto.
story-internal-note = ni chaiff ei chyhoeddi ar yr hyb cyhoeddus byth.
story-embargoed-note = nid yw ar yr hyb cyhoeddus tan hynny.
story-part-of = Rhan o
story-people = Pobl yn y stori hon
story-share = Rhannu'r stori hon

## Ymgyrchoedd
campaigns-title = Ymgyrchoedd
campaigns-description = Yr hyn y mae { $org } yn ymgyrchu drosto, a straeon y bobl y tu ôl i bob ymgyrch.
campaign-description = { $title }: ymgyrch gan { $org }.
campaign-description-when = { $title }: ymgyrch gan { $org }. { $when }.
campaign-open-kit = Agor y pecyn rhannu
campaign-kit-note = negeseuon parod ar gyfer pob rhwydwaith, gyda dolenni wedi'u tracio.
campaign-stories = Straeon o'r ymgyrch hon

## Canllawiau
guidelines-title = Canllawiau
guidelines-title-public = Sut rydym yn defnyddio'r cyfryngau cymdeithasol
guidelines-description = Sut mae pobl { $org } yn siarad ar ei rhan ar-lein: y canllawiau y maent yn eu dilyn.
guidelines-also-public = Cyhoeddus hefyd
guideline-description = { $title }: canllaw gan { $org }.
guideline-also-public = Mae'r canllaw hwn ar yr hyb cyhoeddus hefyd.
guideline-updated = Diweddarwyd { $date }.
guideline-reviewed = Adolygwyd { $date }
guideline-reviewed-by = gan
guideline-kept-by = Yn cael ei gadw'n gyfredol gan
guideline-contents = Ar y dudalen hon
guideline-all = Pob canllaw
guideline-respond-note = pwy gaiff ateb ar bwnc

## Pynciau, timau a lleoedd
facet-topics = Pynciau
facet-teams = Timau
facet-places = Lleoedd
facet-topics-description = Y pynciau y mae pobl { $org } yn siarad amdanynt, a phwy i'w holi am bob un.
facet-teams-description = Y timau yn { $org }, a'r bobl ym mhob un.
facet-places-description = Ble mae pobl { $org } yn gweithio, a phwy sydd ym mhob lle.
facet-topic-description = Pobl { $org } i siarad â nhw am { $term }.
facet-team-description = Pobl tîm { $term } { $org }, a'u straeon.
facet-place-description = { $term }: pobl { $org } sy'n gweithio yno, a'u straeon.
facets-none = Dim byd yma eto.
facet-all = { $facet ->
    [topics] Pob pwnc
    [teams] Pob tîm
   *[other] Pob lle
}
facet-people-topic = Pobl i siarad â nhw am { $term }
facet-people-team = Pobl yn { $term }
facet-people-place = Pobl yn { $term }

## Pwy sy'n ymateb ar beth
respond-title = Pwy sy'n ymateb ar beth
respond-lead = Gall pawb ddiolch a rhannu. Ar gyfer pob pwnc, dyma'r bobl a gaiff ateb yn gyhoeddus, ac ar ba lefel. Os oes angen lefel uwch na'ch un chi ar neges, trosglwyddwch hi.
respond-level = Lefel { $level }
respond-key-1 = diolch a rhannu
respond-key-2 = ateb ar ei bynciau ei hun
respond-key-3 = delio â chwynion a'r cyfryngau
respond-uncovered = Pynciau na chaiff neb ymateb arnynt ({ $count })
respond-uncovered-why = Mae'r pynciau hyn mewn proffiliau neu straeon, ond nid oes neb wedi'u rhoi yn
respond-uncovered-until = Tan hynny, trosglwyddwch gwestiynau amdanynt i'r tîm cyfathrebu.
respond-topics-nav = Pynciau ar y dudalen hon
respond-level-heading = Lefel { $level }: { $label }
respond-no-level = Dim lefel wedi'i gosod
respond-level-caption = lefel { $level }
respond-no-level-caption = dim lefel wedi'i gosod
respond-person = Person
respond-role = Rôl
respond-contact = Cyswllt

## Manylion cyswllt yn y llawlyfr
contact-email = e-bost
contact-phone = ffôn
contact-mobile = ffôn symudol
contact-manager = rheolwr

## Chwilio
search-title = Chwilio
kind-guideline = Canllaw
kind-story = Stori
kind-campaign = Ymgyrch
kind-person = Person

## Heb ddod o hyd i'r dudalen, a thudalennau sydd wedi symud
not-found-title = Heb ddod o hyd i'r dudalen
not-found-description = Does dim tudalen yn y cyfeiriad hwn ar { $site }. Dechreuwch o'r hafan i ddod o hyd i bobl, straeon ac ymgyrchoedd.
not-found-lead = Mae'n ddrwg gennym, does dim byd yn y cyfeiriad hwn. Efallai fod y dudalen wedi symud, neu nad oes gan y person broffil cyhoeddus bellach.
not-found-home = Hafan
not-found-stories = Darllen ein straeon
moved = Wedi symud
moved-title = Mae'r dudalen hon wedi symud
moved-now-at = Mae hi bellach yn
moved-new-address = ei chyfeiriad newydd

## Botymau rhannu
share-copy-link = Copïo'r ddolen
share-mastodon-server = Rhannu ar Mastodon: eich gweinydd
share-mastodon = Rhannu ar Mastodon
share-link = Dolen:

## Y pecyn rhannu
kit-back = Yn ôl i { $campaign }
kit-title = Pecyn rhannu: { $campaign }
kit-lead = Negeseuon parod ar gyfer eich cyfrifon eich hun. Dewiswch yr un sy'n swnio fwyaf fel chi, a newidiwch y geiriau: mae negeseuon sydd i gyd yr un fath yn edrych fel hysbyseb, nid fel person.
kit-links-to = Mae pob neges yn cysylltu â
kit-links-tagged = , wedi'i thagio fel y gall y tîm weld o ba rwydwaith y daeth ymweliad.
kit-hashtags = Hashnodau:
kit-network = Ble byddwch chi'n postio?
kit-person = Pwy ydych chi? Bydd eich dolenni'n dweud mai chi a'u rhannodd, fel y gall y tîm ddiolch i chi.
kit-choose-name = Dewiswch eich enw
kit-noscript = Mae'r negeseuon hyn wedi'u hysgrifennu ar gyfer { $network }. Gyda JavaScript ymlaen, gallwch ddewis rhwydwaith arall a chopïo neges ag un botwm.
kit-post = Neges { $number }
kit-too-long-for = Rhy hir i { $networks }
kit-your-post = Eich neges: gwnewch iddi swnio fel chi
kit-count = { $used } o { $limit } nod ar { $network }
kit-too-long = rhy hir, byrhewch hi
kit-copy = Copïo'r neges
kit-post-on = Postio ar
kit-post-on-which = (neges { $number })
kit-paste = Copïwch y neges, yna'i gludo yn eich ap
kit-paste-app = chi.

## Llofnodion e-bost
signature-title = Llofnod e-bost: { $name }
signature-lead = Eich llofnod ar gyfer e-bost, yn barod i'w gludo: copïwch ef yma, yna'i gludo yng ngosodiadau llofnod eich rhaglen e-bost. Bydd unrhyw beth a newidiwch yn y llawlyfr (eich rôl, rhagenwau neu fanylion cyswllt) yma y tro nesaf y caiff y llawlyfr ei adeiladu.
signature-off-hub = Nid yw eich proffil ar yr hyb cyhoeddus, felly nid yw eich llofnod yn cysylltu ag ef.
signature-profile = Eich proffil yn y llawlyfr
signature-says-why = sy'n egluro pam.
signature-copy = Copïo'r llofnod
signature-plain = Fel testun plaen
signature-copy-plain = Copïo'r testun plaen
signature-how = Ei ychwanegu at eich e-bost
signature-how-outlook = (ar y we ac Outlook newydd): Settings, Mail, Compose and reply. Gludwch i'r blwch llofnod a'i gadw. Outlook clasurol ar Windows: File, Options, Mail, Signatures.
signature-how-gmail = Settings (y gocsen), See all settings, General, Signature. Crëwch un newydd, gludwch, yna Save changes ar waelod y dudalen.
signature-how-plain-where = Unrhyw le sy'n derbyn testun plaen yn unig
signature-how-plain = (rhai ffonau, systemau tocynnau): defnyddiwch y fersiwn testun plaen.
signature-how-by-hand = Heb y botwm copïo, dewiswch y llofnod uchod o'ch enw i'w linell olaf, a'i gopïo fel unrhyw destun.
signatures-title = Llofnodion e-bost
signatures-lead = Llofnod e-bost pawb, yn barod i'w gludo yn Outlook neu Gmail, gyda fersiwn testun plaen. Chwiliwch am eich enw.
signature-yours = Eich llofnod
signature-without-cta = Heb alwad i weithredu
signature-without-cta-label = heb alwad i weithredu
signature-with-cta = Gyda galwad i weithredu: { $campaign }
signature-with-cta-label = gyda galwad i weithredu: { $campaign }
signature-my-profile = Fy mhroffil ar { $site }
signature-charity-number = Rhif elusen gofrestredig { $number }.
signature-charity = Mae { $org } yn elusen gofrestredig, rhif { $number }.
search-description = Chwilio { $site } am bobl, straeon ac ymgyrchoedd.

## Beth mae sgriptiau'r thema yn ei ddweud
js-people-none = Does neb yn cyfateb. Rhowch gynnig ar lai o eiriau neu hidlydd arall.
js-people-one = Wedi dod o hyd i 1 person.
js-people-many = Wedi dod o hyd i { $n } o bobl.
js-results-none = Dim byd. Rhowch gynnig ar eiriau eraill.
js-results-one = 1 canlyniad.
js-results-many = { $n } o ganlyniadau.
js-showing-first = Yn dangos y { $n } cyntaf.
js-index-failed = Nid oedd modd llwytho'r mynegai chwilio.
js-link-copied = Wedi copïo'r ddolen.
js-link-failed = Methu copïo: dewiswch y ddolen a'i chopïo.
js-mastodon-server = Teipiwch enw eich gweinydd Mastodon, er enghraifft mastodon.social.
js-post-copied = Wedi copïo neges { $n }.
js-post-failed = Methu copïo: mae'r neges wedi'i dewis, copïwch hi gyda'ch bysellfwrdd.
js-count = { $used } o { $limit } nod ar { $network }
js-too-long = : rhy hir, byrhewch hi
js-signature-copied = Wedi copïo'r llofnod: gludwch ef yng ngosodiadau llofnod eich rhaglen e-bost.
js-plain-copied = Wedi copïo'r llofnod testun plaen.
js-signature-failed = Methu copïo: dewiswch y llofnod a'i gopïo.
profile-description = { $who } yn { $organisation }
