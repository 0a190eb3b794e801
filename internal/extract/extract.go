// Package extract drafts events from the text of an article: a transparent, rule-based reader
// with no model and no network. It splits sentences, finds states, organisations, people, items
// and dates through the rule library's own tables (countries, actors, the item taxonomy, and the
// extraction word lists), reads who did what to whom from the words around an event word
// ("X shipped ... to Y", "Y received ... from X", "Russia fired North Korean missiles"), who says
// so and how surely ("said", "is believed to", "denied"), and merges the sentences that tell of
// the same happening. Every draft says which rules produced it, and needs an analyst's review.
package extract

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// Extractor drafts events. It is safe for concurrent use.
type Extractor struct {
	lx *Lexicon
}

// New reads the extractor's tables from a loaded rule library.
func New(lib *library.Library) (*Extractor, error) {
	lx, err := NewLexicon(lib)
	if err != nil {
		return nil, err
	}
	return &Extractor{lx: lx}, nil
}

// Extract drafts the events an article reports, in the order it reports them. The article needs
// a date (for "last week", "in November") and a publisher (the default claimant).
func (x *Extractor) Extract(a *Article) ([]Draft, error) {
	if a.Date.IsZero() {
		return nil, fmt.Errorf("%s: the article has no date: start it with a line 'date YYYY-MM-DD', or give one", a.Name)
	}
	if a.Publisher == "" {
		a.Publisher = "unknown publisher"
	}
	st := &state{x: x, a: a, source: sourceID(a)}
	index := 0
	for pi, p := range a.Paragraphs {
		for _, text := range Sentences(p) {
			st.read(readSentence(x.lx, text, pi, index, a.Date))
			index++
		}
	}
	return st.finish(), nil
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// sourceID names the article: publisher and date, efe-2024-01-15.
func sourceID(a *Article) string {
	p := strings.Trim(nonID.ReplaceAllString(strings.ToLower(a.Publisher), "-"), "-")
	if p == "" {
		p = "article"
	}
	return p + "-" + a.Date.Format("2006-01-02")
}

// --- One article ---------------------------------------------------------------------------

type state struct {
	x       *Extractor
	a       *Article
	source  string
	events  []*event
	denials []denial
	speaker *Claimant // the last one named, for "the ministry said", "it added"
	prev    *event    // the event of the previous sentence, for elaborations
	prevAt  int
}

// event is a happening being drafted: one or more candidates merged.
type event struct {
	typ                 string
	supplier, recipient string
	participants        []string // meetings, agreements, cooperation (ISO codes, in order met)
	people              []Party
	operator            string
	location            string
	items               []*item
	stage               string
	period              period
	claims              []Claim
	evidence            []string
	rules               []string
	first               int // sentence index
	vague               bool
	forLaunch           bool // "technical assistance for the launch": the launch's operator receives it
	quantity            bool
	others              []string // further recipients of the same sentence
	anaphor             bool     // "the deal", "the shipment": an event told of before
	trig                int      // the token of its event word
	summary             string   // the sentence that tells of it most precisely
}

func (e *event) clone() *event {
	c := *e
	c.items = slices.Clone(e.items)
	c.rules = slices.Clone(e.rules)
	c.evidence = slices.Clone(e.evidence)
	c.participants = slices.Clone(e.participants)
	c.others = nil
	return &c
}

type item struct {
	desc     string
	category string
	explicit bool // the category is not what the description itself would place
	generic  bool
	anaphor  bool // "the grenades", "such missiles"
	such     bool // "such missiles": of the kind told of before
	quantity *Quantity
}

type denial struct {
	by       []string
	types    []string // empty: any
	sentence string
}

func (st *state) read(s *sentence) {
	lx := st.x.lx
	claim, claimRule := st.claimOf(s)
	if d, ok := st.denialOf(s, claim); ok {
		st.denials = append(st.denials, d)
		return
	}
	cands := st.candidates(s)
	if len(cands) == 0 {
		st.elaborate(s)
		return
	}
	for _, c := range cands {
		cl, why := claim, claimRule
		if c.trig > 0 && lx.has(s.toks, c.trig-1, "hedge") > 0 && cl.Status != "alleged" {
			cl.Status = "alleged"
			why = fmt.Sprintf("claim: alleged by %s ('%s %s')", cl.By.label(), s.toks[c.trig-1].w, s.toks[c.trig].w)
		}
		c.claims = []Claim{cl}
		c.rules = append(c.rules, why)
		st.place(c)
	}
}

// --- Claims --------------------------------------------------------------------------------

var pronounWords = map[string]bool{"it": true, "they": true, "he": true, "she": true, "officials": true, "the": true}

// claimOf says who the sentence says the events on its authority, and how surely.
func (st *state) claimOf(s *sentence) (Claim, string) {
	lx := st.x.lx
	status := "reported"
	hedge := ""
	confirm := ""
	for i := range s.toks {
		if n := lx.has(s.toks, i, "hedge"); n > 0 && hedge == "" && !(i+n < len(s.toks) && nounTriggers[s.toks[i+n].w]) {
			hedge = s.span(i, i+n) // ("the alleged transfer": that transfer only, below)
		}
		if n := lx.has(s.toks, i, "confirm"); n > 0 && confirm == "" && !st.negated(s, i) {
			confirm = s.span(i, i+n)
		}
	}
	switch {
	case hedge != "":
		status = "alleged"
	case confirm != "":
		status = "confirmed"
	}
	by, how := st.speakerOf(s)
	why := fmt.Sprintf("claim: %s by %s", status, how)
	if hedge != "" {
		why += fmt.Sprintf(" ('%s': alleged)", hedge)
	} else if confirm != "" {
		why += fmt.Sprintf(" ('%s': confirmed)", confirm)
	}
	return Claim{Status: status, By: by, Source: st.source}, why
}

// speakerOf finds who says what the sentence says: the subject of its say verb, or what
// follows "according to"; else the publisher.
func (st *state) speakerOf(s *sentence) (Claimant, string) {
	lx := st.x.lx
	for i := range s.toks {
		n := lx.has(s.toks, i, "say")
		if n == 0 {
			n = max(lx.has(s.toks, i, "confirm"), lx.has(s.toks, i, "deny"))
		}
		if n == 0 && i > 0 && !isAux(s.toks[i-1].w) {
			n = lx.has(s.toks, i, "hedge") // "Seoul estimates", "Japan strongly suspects" (not "is believed")
		}
		if n == 0 || !verbUse(s, i, n) {
			continue
		}
		if keyOf(s.toks[i:i+n]) == "according to" {
			for _, m := range s.ments {
				if m.start >= i+n && m.isParty() {
					c := st.claimantOf(s, m)
					st.speaker = &c
					return c, fmt.Sprintf("'%s', after 'according to'", s.span(m.start, m.end))
				}
			}
			continue
		}
		// The part of the sentence before the verb, past a relative clause: "The report by the
		// Panel of Experts, which monitors sanctions on Pyongyang, said".
		end := i
		seg := s.segmentStart(i)
		for seg > 0 && (seg == end || s.toks[seg].w == "which" || s.toks[seg].w == "who") {
			end = seg
			seg = s.segmentStart(seg - 1)
		}
		if m, ok := st.speakerMention(s, seg, end); ok {
			c := st.claimantOf(s, m)
			st.speaker = &c
			return c, fmt.Sprintf("'%s', who '%s'", s.span(m.start, m.end), s.span(i, i+n))
		}
		words := strings.TrimSpace(strings.Trim(s.span(seg, end), "\"“” "))
		if words == "" {
			continue
		}
		first := s.toks[seg].w
		if (pronounWords[first] || first == "its") && st.speaker != nil && len(strings.Fields(words)) <= 3 {
			return *st.speaker, fmt.Sprintf("'%s', the last speaker named", words)
		}
		// The words just before the verb, after any conjunction: "new evidence revealed".
		f := strings.Fields(words)
		for k := len(f) - 1; k >= 0; k-- {
			switch strings.ToLower(f[k]) {
			case "after", "that", "when", "as", "because", "and", "but", "while", "comes", "came", "since":
				f = f[k+1:]
				k = -1
			}
		}
		if len(f) > 0 && len(f) <= 5 {
			c := Claimant{Name: strings.Join(f, " "), Kind: "unknown"}
			return c, fmt.Sprintf("'%s', who '%s'", c.Name, s.span(i, i+n))
		}
	}
	c := st.publisher()
	return c, fmt.Sprintf("the publisher, %s (nobody else is said to say it)", c.Name)
}

// nounAfter lists the words that make a say word before them a noun or an adjective: "the
// North Korean state agency", "state media", "a report card".
var nounAfter = map[string]bool{"agency": true, "media": true, "news": true, "television": true,
	"tv": true, "broadcaster": true, "newspaper": true, "outlet": true, "department": true,
	"council": true, "secretary": true, "run": true, "owned": true, "controlled": true}

// verbUse tells a say or hedge word used as a verb ("Seoul estimates", "KCNA reported") from
// the same word used of a thing: after a determiner ("the alleged transfer", "the report said",
// whose verb is "said"), before an event noun ("alleged transfers") or before a word that makes
// it a noun ("state media").
func verbUse(s *sentence, i, n int) bool {
	if i > 0 && (determiners[s.toks[i-1].w] || s.toks[i-1].w == "a" || s.toks[i-1].w == "an") {
		return false
	}
	if i+n < len(s.toks) && (nounTriggers[s.toks[i+n].w] || nounAfter[s.toks[i+n].w]) {
		return false
	}
	return true
}

// label names a claimant in a rule: "Seoul (KR)", "KP", "EFE".
func (c Claimant) label() string {
	switch {
	case c.Name != "" && c.Country != "":
		return fmt.Sprintf("%s (%s)", c.Name, c.Country)
	case c.Name != "":
		return c.Name
	}
	return c.Country
}

// speakerMention is the party that says something: the nearest before the verb in its part of
// the sentence, that no preposition but "by" introduces, and close enough to be its subject
// ("Choe's visit comes after new evidence revealed" is said by the evidence, not by Choe).
func (st *state) speakerMention(s *sentence, seg, end int) (mention, bool) {
	for k := len(s.ments) - 1; k >= 0; k-- {
		m := s.ments[k]
		if !m.isParty() || m.end > end || m.start < seg {
			continue
		}
		if p := s.prepBefore(m); p != "" && p != "by" && p != "and" {
			continue
		}
		gap := s.toks[m.end:end]
		if len(gap) > 5 {
			return mention{}, false
		}
		for _, t := range gap {
			switch t.w {
			case "after", "before", "when", "while", "as", "because", "comes", "came", "that", "which", "evidence":
				return mention{}, false
			}
		}
		return m, true
	}
	return mention{}, false
}

func (st *state) publisher() Claimant {
	c := Claimant{Name: st.a.Publisher, Kind: "media"}
	if a, n := st.x.lx.actors.longest(tokenize(st.a.Publisher), 0); n > 0 && n == len(tokenize(st.a.Publisher)) {
		c.Country, c.Kind = a.Country, a.Kind
	}
	return c
}

// claimantOf describes a speaker: an actor of the table, an organ of a state ("South Korea's
// unification ministry"), a group ("a Washington research group"), or a state.
func (st *state) claimantOf(s *sentence, m mention) Claimant {
	// "South Korea's National Intelligence Service": the organ the table knows.
	for _, n := range s.ments {
		if n.actor != nil && n.start > m.end && n.start <= m.end+2 && (n.actor.Country == "" || n.actor.Country == m.country) && m.actor == nil {
			kind := n.actor.Kind
			if n.actor.SpeaksForState {
				kind = "state"
			}
			return Claimant{Name: s.span(m.start, n.end), Country: m.country, Kind: kind}
		}
	}
	if m.actor != nil {
		kind := m.actor.Kind
		if m.actor.SpeaksForState {
			kind = "state"
		}
		return Claimant{Name: m.actor.Name, Country: m.actor.Country, Kind: kind}
	}
	if end := s.followedBy(m, "state_entity"); end > 0 {
		// A later actor of the same state names the organ: "South Korea's unification ministry".
		return Claimant{Name: s.span(m.start, end), Country: m.country, Kind: "state_entity"}
	}
	if end := s.followedBy(m, "ngo"); end > 0 {
		return Claimant{Name: s.span(m.start, end), Country: m.country, Kind: "ngo"}
	}
	c := Claimant{Country: m.country, Kind: "state"}
	if text := s.span(m.start, m.end); phrase.Key(text) != phrase.Key(st.x.lx.CountryName(m.country)) {
		c.Name = strings.TrimPrefix(strings.TrimPrefix(text, "the "), "The ")
	}
	return c
}

// denialOf reads a denial: "Both Pyongyang and Moscow have persistently denied that such arms
// transfers took place"; "Iran's mission said the accusations were false".
func (st *state) denialOf(s *sentence, claim Claim) (denial, bool) {
	lx := st.x.lx
	at := -1
	for i := range s.toks {
		if lx.has(s.toks, i, "deny") > 0 && !st.negated(s, i) {
			at = i
			break
		}
	}
	d := denial{sentence: s.text}
	if at >= 0 {
		for _, m := range s.ments {
			if m.isParty() && m.end <= at && m.start >= s.clauseStart(at) && m.country != "" && !slices.Contains(d.by, m.country) {
				d.by = append(d.by, m.country)
			}
		}
	} else {
		for i := range s.toks {
			if lx.has(s.toks, i, "denial_words") > 0 && claim.By.Country != "" && claim.By.Kind != "media" {
				d.by = []string{claim.By.Country}
				break
			}
		}
	}
	if len(d.by) == 0 {
		return denial{}, false
	}
	for i := range s.toks {
		switch {
		case lx.has(s.toks, i, "transfer") > 0 || lx.has(s.toks, i, "receive") > 0 || s.toks[i].w == "arms" || s.toks[i].w == "weapons" || s.toks[i].w == "trade":
			d.types = appendNew(d.types, "transfer")
		case lx.has(s.toks, i, "deployment") > 0 || lx.has(s.toks, i, "deploy") > 0:
			d.types = appendNew(d.types, "deployment")
		case s.toks[i].w == "reports" || s.toks[i].w == "accusations" || s.toks[i].w == "claims" || s.toks[i].w == "allegations" || s.toks[i].w == "report":
			d.types = nil
			return d, true
		}
	}
	return d, true
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// negated says whether a negation, a modal, a wish or a ban comes in the four words before
// token i in its segment (the s of "Korea's" is not a word: "which cap North Korea's coal
// exports").
func (st *state) negated(s *sentence, i int) bool {
	lx := st.x.lx
	words := 0
	for k := i - 1; k >= 0 && words < 4; k-- {
		if !s.toks[k].possessive() {
			words++
		}
		if s.toks[k+1].comma() && k+1 <= i && k+1 != i {
			break
		}
		if lx.has(s.toks, k, "negation") > 0 {
			return true
		}
		if n := lx.has(s.toks, k, "ban"); n > 0 {
			if k+n == i && nounTriggers[s.toks[i].w] {
				continue // "banned exports": exports that broke a ban
			}
			return true
		}
		if k == i-1 && s.toks[k].w == "against" {
			return true // "warned Moscow against buying weapons": a warning
		}
		if n := lx.has(s.toks, k, "wish"); n > 0 && k+n <= i {
			return true // "seeking to buy"
		}
		if n := lx.has(s.toks, k, "modal"); n > 0 && k+n <= i {
			if k+n < len(s.toks) && s.toks[k+n].w == "have" {
				continue // "may have supplied": a hedge, not a modal
			}
			return true
		}
		if s.toks[k].comma() {
			break
		}
	}
	return false
}

// --- Numbers --------------------------------------------------------------------------------

func round2(f float64) float64 { return math.Round(f*100) / 100 }
