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
