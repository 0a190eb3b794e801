package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// precision of a date: the event format writes YYYY, YYYY-MM or YYYY-MM-DD.
type precision int

const (
	year precision = iota + 1
	month
	day
)

// aDate is a date with the precision the text gives it.
type aDate struct {
	t    time.Time
	prec precision
}

func (d aDate) String() string {
	switch d.prec {
	case year:
		return d.t.Format("2006")
	case month:
		return d.t.Format("2006-01")
	}
	return d.t.Format("2006-01-02")
}

func (d aDate) zero() bool { return d.prec == 0 }

// last is the last day the date covers.
func (d aDate) last() time.Time {
	switch d.prec {
	case year:
		return time.Date(d.t.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	case month:
		return d.t.AddDate(0, 1, -1)
	}
	return d.t
}

// dateMention is a date expression in a sentence, resolved against the article's date.
type dateMention struct {
	start, end  int // byte offsets
	from, until aDate
	text        string
	since       bool // "since ...": until the article's date
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
	"jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRE = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	// Sep 13, 2023; Jan. 15-17; Dec. 30; Oct. 8 and Oct. 13 (each matched on its own).
	reMonthDay = regexp.MustCompile(`\b(?P<mon>` + monthRE + `)\.?\s+(?P<d1>\d{1,2})(?:\s*[-–]\s*(?P<d2>\d{1,2}))?(?:,?\s+(?P<year>\d{4}))?\b`)
	// 13 September 2023
	reDayMonth = regexp.MustCompile(`\b(?P<d1>\d{1,2})\s+(?P<mon>` + monthRE + `)\.?(?:\s+(?P<year>\d{4}))?\b`)
	// in November, in August 2016, since June, between January and September last year
	reMonth     = regexp.MustCompile(`\b(in|since|by|until|from|during|early|late|mid|between)\s+(?:early\s+|late\s+|mid-)?(` + monthRE + `)\b(?:\s+(\d{4}))?(?:\s+and\s+(` + monthRE + `)(?:\s+(\d{4}))?)?(?:\s+(last|this|next)\s+year)?`)
	reYear      = regexp.MustCompile(`\b(in|since|by|during|until|from|of|early|late|mid-)\s*(\d{4})\b`)
	reRelative  = regexp.MustCompile(`(?i)\b(last|this|earlier this|later this|past)\s+(week|month|year|summer|spring|autumn|fall|winter)\b|\byesterday\b|\btoday\b|\brecently\b`)
	reWeekday   = regexp.MustCompile(`\b(?:on|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reOfNotYear = regexp.MustCompile(`^\s+of\s+(?:the\s+)?[A-Za-z]`)
	reSince     = regexp.MustCompile(`(?i)\bsince\s+(?:the\s+)?(summer|spring|autumn|fall|winter)(?:\s+of\s+(\d{4}))?\b`)
	reSinceWord = regexp.MustCompile(`(?i)\bsince\s+$`)
)

var seasonStart = map[string]time.Month{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

// findDates finds the dates of a sentence. Without the article's date, only dates that carry
// their year are resolved.
func findDates(s string, at time.Time) []dateMention {
	var out []dateMention
	taken := make([]bool, len(s)+1)
	add := func(start, end int, from, until aDate, since bool) {
		for i := start; i < end; i++ {
			if taken[i] {
				return
			}
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		if until.zero() {
			until = from
		}
		out = append(out, dateMention{start: start, end: end, from: from, until: until, text: s[start:end], since: since})
	}
	known := !at.IsZero()
	// The year a month (and day) falls in: its own, or the latest not after the article's date.
	yearOf := func(m time.Month, d int, explicit string, rel string) (int, bool) {
		if explicit != "" {
			y, _ := strconv.Atoi(explicit)
			return y, true
		}
		if !known {
			return 0, false
		}
		switch rel {
		case "last":
			return at.Year() - 1, true
		case "this":
			return at.Year(), true
		case "next":
			return at.Year() + 1, true
		}
		if d == 0 {
			d = 1
		}
		if time.Date(at.Year(), m, d, 0, 0, 0, 0, time.UTC).After(at) {
			return at.Year() - 1, true
		}
		return at.Year(), true
	}
	sinceBefore := func(start int) bool { return reSinceWord.MatchString(s[:start]) }

	// Days: "Jan. 15-17", "Dec. 30, 2023", "13 September 2023" (month and day either way round).
	for _, re := range []*regexp.Regexp{reMonthDay, reDayMonth} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			mon := monthNames[strings.ToLower(group(re, s, m, "mon"))]
			d1, _ := strconv.Atoi(group(re, s, m, "d1"))
			y, ok := yearOf(mon, d1, group(re, s, m, "year"), "")
			if !ok || d1 < 1 || d1 > 31 {
				continue
			}
			from := aDate{time.Date(y, mon, d1, 0, 0, 0, 0, time.UTC), day}
			until := from
			if d2, _ := strconv.Atoi(group(re, s, m, "d2")); d2 > d1 && d2 <= 31 {
				until = aDate{time.Date(y, mon, d2, 0, 0, 0, 0, time.UTC), day}
			}
			add(m[0], m[1], from, until, sinceBefore(m[0]))
		}
	}
	for _, m := range reMonth.FindAllStringSubmatchIndex(s, -1) {
		word := s[m[2]:m[3]]
		mon := monthNames[strings.ToLower(s[m[4]:m[5]])]
		rel := ""
		if m[12] >= 0 {
			rel = s[m[12]:m[13]]
		}
		yr := ""
		if m[6] >= 0 {
			yr = s[m[6]:m[7]]
		}
		y, ok := yearOf(mon, 0, yr, rel)
		if !ok {
			continue
		}
		from := aDate{time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC), month}
		until := from
		if m[8] >= 0 { // between January and September
			mon2 := monthNames[strings.ToLower(s[m[8]:m[9]])]
			yr2 := yr
			if m[10] >= 0 {
				yr2 = s[m[10]:m[11]]
			}
			y2, ok := yearOf(mon2, 0, yr2, rel)
			if ok {
				until = aDate{time.Date(y2, mon2, 1, 0, 0, 0, 0, time.UTC), month}
			}
		}
		add(m[0], m[1], from, until, word == "since")
	}
	for _, m := range reSince.FindAllStringSubmatchIndex(s, -1) {
		if reOfNotYear.MatchString(s[m[1]:]) {
			continue // "since the fall of the Soviet Union": not a season
		}
		season := strings.ToLower(s[m[2]:m[3]])
		start := seasonStart[season]
		var y int
		switch {
		case m[4] >= 0: // "since the summer of 2023"
			y, _ = strconv.Atoi(s[m[4]:m[5]])
		case known:
			y = at.Year()
			if time.Date(y, start, 1, 0, 0, 0, 0, time.UTC).After(at) {
				y--
			}
		default:
			continue
		}
		add(m[0], m[1], aDate{time.Date(y, start, 1, 0, 0, 0, 0, time.UTC), month}, aDate{}, true)
	}
	for _, m := range reYear.FindAllStringSubmatchIndex(s, -1) {
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		if y < 1950 || y > 2100 {
			continue
		}
		add(m[0], m[1], aDate{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), year}, aDate{}, s[m[2]:m[3]] == "since")
	}
	if !known {
		return out
	}
	for _, m := range reWeekday.FindAllStringSubmatchIndex(s, -1) {
		wd := s[m[2]:m[3]]
		t := at
		for i := 0; i < 7 && t.Weekday().String() != wd; i++ {
			t = t.AddDate(0, 0, -1)
		}
		add(m[0], m[1], aDate{t, day}, aDate{}, false)
	}
	for _, m := range reRelative.FindAllStringSubmatchIndex(s, -1) {
		whole := strings.ToLower(s[m[0]:m[1]])
		switch whole {
		case "yesterday":
			add(m[0], m[1], aDate{at.AddDate(0, 0, -1), day}, aDate{}, false)
			continue
		case "today":
			add(m[0], m[1], aDate{at, day}, aDate{}, false)
			continue
		case "recently":
			continue // too vague to date anything
		}
		which, unit := strings.ToLower(s[m[2]:m[3]]), strings.ToLower(s[m[4]:m[5]])
		last := which == "last" || which == "past"
		switch unit {
		case "week": // Monday to Sunday; this week runs to the article's day
			monday := at.AddDate(0, 0, -((int(at.Weekday()) + 6) % 7))
			from, until := monday, at
			if last {
				from, until = monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1)
			}
			add(m[0], m[1], aDate{from, day}, aDate{until, day}, false)
		case "month":
			t := at
			if last {
				t = time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
			}
			add(m[0], m[1], aDate{time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), month}, aDate{}, false)
		case "year":
			y := at.Year()
			if last {
				y--
			}
			add(m[0], m[1], aDate{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), year}, aDate{}, sinceBefore(m[0]))
		default: // a season
			start := seasonStart[unit]
			y := at.Year()
			if time.Date(y, start, 1, 0, 0, 0, 0, time.UTC).After(at) || last {
				y--
			}
			add(m[0], m[1], aDate{time.Date(y, start, 1, 0, 0, 0, 0, time.UTC), month},
				aDate{time.Date(y, start+2, 1, 0, 0, 0, 0, time.UTC), month}, false)
		}
	}
	return out
}

// period is the dates of an event: the earliest and the latest of its dates ("since" runs to
// the article's date).
type period struct {
	from, until aDate
	why         string
}

func periodOf(ds []dateMention, at time.Time) period {
	var p period
	var texts []string
	for _, d := range ds {
		texts = append(texts, strconvQuote(d.text))
		if p.from.zero() || d.from.t.Before(p.from.t) || (d.from.t.Equal(p.from.t) && d.from.prec < p.from.prec) {
			p.from = d.from
		}
		until := d.until
		if d.since && !at.IsZero() {
			until = aDate{time.Date(at.Year(), at.Month(), 1, 0, 0, 0, 0, time.UTC), month}
		}
		if p.until.zero() || until.last().After(p.until.last()) {
			p.until = until
		}
	}
	if !p.from.zero() {
		p.why = "date from " + strings.Join(texts, " and ")
		if !at.IsZero() {
			p.why += fmt.Sprintf(" (the article is dated %s)", at.Format("2006-01-02"))
		}
	}
	return p
}

func strconvQuote(s string) string { return "'" + s + "'" }

// group is the text of a named group of a match, or "" when the group did not take part.
func group(re *regexp.Regexp, s string, m []int, name string) string {
	i := re.SubexpIndex(name)
	if i < 0 || m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}
