# convene's default theme: interface texts in English.
# A site changes any of them in its own i18n/en.ftl (only the ones it changes).
# Syntax: https://projectfluent.org/fluent/guide/

language-name = English

## Dates: `date` puts a day, a month's name and a year together.
date = { $day } { $month } { $year }
dates-between = { $starts } to { $ends }
dates-from = From { $starts }
dates-until = Until { $ends }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Words the theme's code writes into pages
photo-of = Photo of { $name }
flag-draft = Draft
flag-internal = Internal only
flag-embargoed = Embargoed until { $until }
responding-level-1 = Thank and share
responding-level-2 = Answer on own topics
responding-level-3 = Handle complaints and media
responding-level-unknown = Unknown level

## Languages
languages-label = Language
untranslated = This page has not been translated yet: its text is in the site's main language.
