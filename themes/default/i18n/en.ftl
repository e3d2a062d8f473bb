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

## Header and footer (site_header.html, site_footer.html)
skip-link = Skip to main content
banner-internal = Internal playbook.
banner-staff-only = For { $organisation } staff only: do not share this page or screenshots of it outside the organisation.
nav-main = Main
nav-guidelines = Guidelines
nav-respond = Who responds
nav-people = People
nav-topics = Topics
nav-stories = Stories
nav-campaigns = Campaigns
nav-search = Search
footer-charity-number = , registered charity number { $number }
footer-about = About this site
footer-privacy = Privacy notice
footer-accessibility = Accessibility statement
footer-contact = Contact us
footer-donate = Donate
footer-get-involved = Get involved
footer-social = { $organisation } on social media
footer-public-hub = The public hub is at

## Search (search.html)
search-playbook-title = Search the playbook
search-playbook-label = Search guidelines, stories, campaigns and people
search-needs-js = Search needs JavaScript. Without it, browse:
search-hub-title = Search { $site }
search-hub-label = Search people, stories and campaigns

## Home page (home.html)
home-playbook-lead = How we use social media at { $organisation }: our guidelines, who can respond on what, every profile with contact details, and every story, including drafts and embargoed ones.
home-read-guidelines = Read the guidelines
home-who-responds = Who responds on what
home-signatures = Email signatures
home-find-someone = Find someone to talk to
home-read-stories = Read our stories
home-changes = What changed recently
flag-also-public = Also public
home-meet-people = Meet our people
home-all-people = See all { $count } people
home-ask-heading = Who to talk to about…
home-ask-lead = Have a question? Pick what it is about and talk to someone who works on it.
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
home-ask = Ask
list-or = or
home-all-topics = All { $count } topics
home-recent-stories = Recent stories
home-all-stories = All stories
home-social-media = How we use social media

## Accessibility statement (accessibility.html)
a11y-title = Accessibility statement
a11y-lead = { $site } is for everyone who wants to meet the people of { $organisation }. We want you to be able to read and use every page, whatever your device, eyesight, hands or the way you browse.
a11y-aim-heading = What we aim for
a11y-aim-before = The site aims to meet the
a11y-aim-wcag = Web Content Accessibility Guidelines (WCAG) 2.2
a11y-aim-after = at level AA.
a11y-does-heading = What the site does for you
a11y-does-keyboard = Every page works with a keyboard alone: a “Skip to main content” link comes first, and the place you are on is always clearly outlined.
a11y-does-contrast = Text and buttons have a contrast of at least 4.5 to 1 against their background, and lines and borders that matter at least 3 to 1, in both the light and the dark colour scheme. Our own colours are checked against these figures before the site is published.
a11y-does-schemes = The site follows your device’s light or dark mode, and turns movement off when you ask your device for less motion.
a11y-does-phone = Pages fit a phone’s screen without scrolling sideways, and the text grows with your browser’s zoom.
a11y-does-structure = Pages use headings, landmarks and lists, so screen readers can move through them, and pictures of people and stories have descriptions.
a11y-does-scripts = Search and filters work with the keyboard and say how many results they found. They and the copy buttons need JavaScript; every page and link works without it.
a11y-tested-heading = How it is tested
a11y-tested-how = Every kind of page is tested automatically in the Chromium browser, at 375 and 1280 pixels wide and in the light and dark colour schemes, with
a11y-tested-axe = (its WCAG 2.0, 2.1 and 2.2 A and AA rules) and the
a11y-tested-keyboard = Searching, filtering, copying and the other interactions are also tested with the keyboard only.
a11y-limits = Automated tests cannot find every problem, and the words and pictures are written by our staff: a description of a photo can miss what matters, or a link can say too little.
a11y-report-heading = Tell us about a problem
a11y-report = If something on this site is hard to use, or you need the information in another format, please tell us
a11y-report-at = at
a11y-report-through = through
a11y-website = { $organisation }’s website
a11y-report-then = Say which page it was and what happened, and we will reply and put it right.
