package extract

import (
	"strings"
	"time"
)

// mention is a country, an organisation or person, or an item, found in a sentence.
type mention struct {
	start, end int // token indexes [start, end)
	country    string
	actor      *Actor
	category   string // an item's category
	key        string // the words matched
}

func (m mention) isItem() bool  { return m.category != "" }
func (m mention) isParty() bool { return m.country != "" || m.actor != nil }

// sentence is one sentence of an article, read.
type sentence struct {
	text       string
	para       int
	index      int // in the article
	toks       []token
	ments      []mention
	dates      []dateMention // the event's dates: not those of the statement ("said on Tuesday")
	lx         *Lexicon
	suppressed bool // an event word was negated, modal or banned ("is expected to send")
}

func readSentence(lx *Lexicon, text string, para, index int, at time.Time) *sentence {
	s := &sentence{text: text, para: para, index: index, toks: tokenize(text), lx: lx}
	for i := 0; i < len(s.toks); {
		a, na := lx.actors.longest(s.toks, i)
		c, nc := lx.countries.longest(s.toks, i)
		it, ni := lx.items.longest(s.toks, i)
		switch {
		case na > 0 && na >= nc && na >= ni:
			s.ments = append(s.ments, mention{start: i, end: i + na, actor: a, country: a.Country, key: keyOf(s.toks[i : i+na])})
			i += na
		case nc > 0 && nc >= ni && !s.overlapped(i, nc):
			m := mention{start: i, end: i + nc, country: c, key: keyOf(s.toks[i : i+nc])}
			if !s.placeName(m) {
				s.ments = append(s.ments, m)
			}
			i += nc
		case lx.has(s.toks, i, "ngo") > 1 && lx.has(s.toks, i, "ngo") > ni:
			i += lx.has(s.toks, i, "ngo") // "a British think tank": not a tank
		case ni > 0:
			if i+ni < len(s.toks) && lx.has(s.toks, i+ni, "not_item_after") > 0 && lx.items.m[keyOf(s.toks[i:i+ni+1])] == "" {
				i += ni // "a drone factory", "satellite images": not an item
				continue
			}
			s.ments = append(s.ments, mention{start: i, end: i + ni, category: it, key: keyOf(s.toks[i : i+ni])})
			i += ni
		default:
			i++
		}
	}
	for _, d := range findDates(text, at) {
		if !s.statementDate(d) && !s.otherEvent(d) {
			s.dates = append(s.dates, d)
		}
	}
	return s
}

// overlapped says whether a country name at i is the start of a longer one a word later: "the
// North" in "the North Korean port".
func (s *sentence) overlapped(i, n int) bool {
	if n < 2 || i+1 >= len(s.toks) {
		return false // a one-word name overlaps nothing
	}
	_, n2 := s.lx.countries.longest(s.toks, i+1)
	return n2 > 0 && i+1+n2 > i+n
}

// placeName says whether a country's name is part of a place's: the East China Sea, the
// Russian port of Nakhodka, Russia's Far East.
func (s *sentence) placeName(m mention) bool {
	if m.start > 0 && s.lx.listed(s.toks[m.start-1].w, "place_before") && !s.toks[m.start].comma() {
		return true
	}
	j := m.end
	if j < len(s.toks) && s.toks[j].possessive() {
		j++
	}
	return j < len(s.toks) && s.lx.has(s.toks, j, "place") > 0
}

// statementDate says whether a date is when something was said, not when it happened:
// "said on Tuesday", "Last week, the White House said ...".
func (s *sentence) statementDate(d dateMention) bool {
	ti := s.tokenAt(d.start)
	// A say verb just before: "said on Tuesday", "told reporters on Monday".
	for k := ti - 1; k >= 0 && k >= ti-3; k-- {
		if s.lx.has(s.toks, k, "say") > 0 {
			return true
		}
	}
	// A date alone before a comma, and a say verb after it: "Last week, the White House said".
	end := s.tokenAt(d.end)
	if end < len(s.toks) && s.toks[end].comma() {
		for k := end; k < len(s.toks) && k < end+8; k++ {
			if k > end && s.toks[k].comma() {
				break
			}
			if s.lx.has(s.toks, k, "say") > 0 {
				return s.triggerFree(ti)
			}
		}
	}
	return false
}

// otherEvent says whether a date is in a part of the sentence about something else: ", after
// two failed attempts earlier this year".
func (s *sentence) otherEvent(d dateMention) bool {
	seg := s.segmentStart(s.tokenAt(d.start))
	if seg == 0 {
		return false
	}
	return s.lx.listed(s.toks[seg].w, "other_event")
}

// triggerFree says whether the clause before token i holds no event word.
func (s *sentence) triggerFree(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if s.toks[k+1].comma() && k < i-1 {
			break
		}
		for _, l := range []string{"transfer", "receive", "use", "launch", "meeting", "agreement"} {
			if s.lx.has(s.toks, k, l) > 0 {
				return false
			}
		}
	}
	return true
}

// tokenAt is the index of the first token at or after byte offset b.
func (s *sentence) tokenAt(b int) int {
	for i, t := range s.toks {
		if t.end > b {
			return i
		}
	}
	return len(s.toks)
}

// mentionAt returns the mention covering token i.
func (s *sentence) mentionAt(i int) (mention, bool) {
	for _, m := range s.ments {
		if i >= m.start && i < m.end {
			return m, true
		}
	}
	return mention{}, false
}

// clauseStart and clauseEnd bound the clause of token i: a semicolon, or a comma before
// "which", "who" or "where", ends one.
func (s *sentence) clauseStart(i int) int {
	for k := i; k > 0; k-- {
		if s.boundaryBefore(k) {
			return k
		}
	}
	return 0
}

func (s *sentence) clauseEnd(i int) int {
	for k := i + 1; k < len(s.toks); k++ {
		if s.boundaryBefore(k) {
			return k
		}
	}
	return len(s.toks)
}

func (s *sentence) boundaryBefore(k int) bool {
	g := s.toks[k].gap
	if strings.Contains(g, ";") {
		return true
	}
	if strings.Contains(g, ",") {
		switch s.toks[k].w {
		case "which", "who", "where", "whose":
			return true
		}
	}
	return false
}

// segmentStart is the start of the comma-delimited segment of token i.
func (s *sentence) segmentStart(i int) int {
	for k := i; k > 0; k-- {
		if s.toks[k].comma() {
			return k
		}
	}
	return 0
}

// span is the text of tokens [i, j).
func (s *sentence) span(i, j int) string {
	if i >= j || i >= len(s.toks) {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[j-1].end]
}

// prepBefore is the word before a mention (skipping "the" and a determiner), when it is a
// preposition.
func (s *sentence) prepBefore(m mention) string {
	k := m.start - 1
	for k >= 0 && (s.toks[k].w == "the" || s.toks[k].w == "a" || s.toks[k].w == "an") {
		k--
	}
	if k < 0 {
		return ""
	}
	w := s.toks[k].w
	switch w {
	case "to", "into", "for", "from", "by", "in", "at", "near", "off", "via", "through", "across", "over",
		"inside", "around", "with", "on", "of", "against", "between", "and", "or":
		if w == "for" && k > 0 && s.lx.listed(s.toks[k-1].w, "bound_for") {
			return "to"
		}
		if (w == "and" || w == "or") && k > 0 {
			// "to China and Vietnam": the preposition of the first of the list.
			for j := k - 1; j >= 0; j-- {
				if pm, ok := s.mentionAt(j); ok && pm.isParty() {
					return s.prepBefore(pm)
				}
				if s.toks[j].comma() && s.toks[j].gap != ", " {
					break
				}
			}
			return ""
		}
		return w
	}
	return ""
}

// followedBy says whether the words after a mention (past a possessive) start with one of the
// list's phrases.
func (s *sentence) followedBy(m mention, list string) int {
	j := m.end
	if j < len(s.toks) && s.toks[j].possessive() {
		j++
	}
	for k := j; k < len(s.toks) && k < j+3; k++ {
		if n := s.lx.has(s.toks, k, list); n > 0 {
			return k + n
		}
	}
	return 0
}

// flagged says whether a country mention names a ship's flag: North Korean-flagged.
func (s *sentence) flagged(m mention) bool {
	return m.end < len(s.toks) && s.lx.listed(s.toks[m.end].w, "flag")
}

// origin is the country that an item comes from, when a country is written just before it:
// North Korean ballistic missiles, North Korean-made missile, Russian technical assistance.
func (s *sentence) origin(it mention) (mention, bool) {
	k := it.start - 1
	for steps := 0; k >= 0 && steps < 4; steps++ {
		if m, ok := s.mentionAt(k); ok {
			if m.isParty() && !s.flagged(m) {
				return m, true
			}
			if m.isItem() {
				k = m.start - 1
				continue
			}
		}
		w := s.toks[k].w
		if s.toks[k+1].comma() && k+1 <= it.start {
			return mention{}, false
		}
		if s.lx.listed(w, "origin_between") || isNumber(w) || designationPart(s, k) {
			k--
			continue
		}
		return mention{}, false
	}
	return mention{}, false
}

// designationPart says whether a token is part of a designation the taxonomy does not know:
// "F" and "7" in "North Korean F-7 grenades".
func designationPart(s *sentence, k int) bool {
	t := s.toks[k]
	raw := s.text[t.start:t.end]
	return strings.ToUpper(raw) == raw && len(raw) <= 4 && (k+1 < len(s.toks) && s.toks[k+1].gap == "-" || strings.HasSuffix(t.gap, "-"))
}

func isNumber(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}
