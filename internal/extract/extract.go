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
	"regexp"
	"slices"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/library"
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
		return nil, fmt.Errorf("%s: the article has no date: start it with a line 'date YYYY-MM-DD', or give one with --date YYYY-MM-DD", a.Name)
	}
	if a.Publisher == "" {
		a.Publisher = "unknown publisher"
	}
	st := &state{x: x, a: a, source: sourceID(a)}
	index := 0
	for pi, p := range a.Paragraphs {
		for _, text := range x.lx.Sentences(p) {
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
	headline            bool     // told of by the article's headline only, so far
	assessment          string   // the sentence judges the event's legality ("would breach"): no claim of it
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
	headline := slices.Contains(st.a.Headlines, s.para)
	assessment := ""
	for i := range s.toks {
		if n := lx.has(s.toks, i, "legal_consequence"); n > 0 {
			assessment = s.span(i, i+n)
			break
		}
	}
	for _, c := range cands {
		c.headline, c.assessment = headline, assessment
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
