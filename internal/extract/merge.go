package extract

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// directional types have a supplier and a recipient; the others have participants.
var directional = map[string]bool{"transfer": true, "technical_assistance": true, "labour": true, "deployment": true, "financial": true}

// compatible says whether two drafts may tell of the same event: the same type, and no party
// that differs.
func compatible(a, b *event) bool {
	if a.typ != b.typ {
		return false
	}
	same := func(x, y string) bool { return x == "" || y == "" || x == y }
	if !same(a.supplier, b.supplier) || !same(a.recipient, b.recipient) || !same(a.operator, b.operator) {
		return false
	}
	if !directional[a.typ] && len(a.participants) > 0 && len(b.participants) > 0 {
		small, big := a.participants, b.participants
		if len(small) > len(big) {
			small, big = big, small
		}
		for _, p := range small {
			if !slices.Contains(big, p) {
				return false
			}
		}
	}
	return true
}

// specific is the set of specific item categories of an event.
func (e *event) specific() []string {
	var out []string
	for _, it := range e.items {
		if !it.generic && !slices.Contains(out, it.category) {
			out = append(out, it.category)
		}
	}
	slices.Sort(out)
	return out
}

// datesMeet says whether two periods may be the same: either is unknown, or they overlap.
func datesMeet(a, b period) bool {
	if a.from.zero() || b.from.zero() {
		return true
	}
	return !a.from.t.After(b.until.last()) && !b.from.t.After(a.until.last())
}

// visitDays is how far apart two days of a meeting may be and still be one visit: "arrived in
// Pyongyang on Tuesday", "Kim received Shoigu on Wednesday".
const visitDays = 3

// sameVisit says whether two meetings' periods may be one visit: dates that meet, or days a
// few days apart.
func sameVisit(a, b period) bool {
	if datesMeet(a, b) {
		return true
	}
	if a.from.prec != day || b.from.prec != day {
		return false
	}
	gap := visitDays * 24 * time.Hour
	return !a.from.t.After(b.until.last().Add(gap)) && !b.from.t.After(a.until.last().Add(gap))
}

// widen makes e's period cover c's: the days of one visit.
func (e *event) widen(c period) {
	if e.period.from.zero() || c.from.zero() {
		return
	}
	if c.from.t.Before(e.period.from.t) {
		e.period.from = c.from
	}
	if c.until.last().After(e.period.until.last()) {
		e.period.until = c.until
	}
}

// mergeInto adds what c says to e.
func mergeInto(e, c *event) {
	if e.supplier == "" {
		e.supplier = c.supplier
	}
	if e.recipient == "" {
		e.recipient = c.recipient
	}
	if e.operator == "" {
		e.operator = c.operator
	}
	if e.location == "" {
		e.location = c.location
	}
	if e.stage == "" {
		e.stage = c.stage
	}
	for _, p := range c.participants {
		if !slices.Contains(e.participants, p) {
			e.participants = append(e.participants, p)
		}
	}
	for _, p := range c.people {
		if !slices.ContainsFunc(e.people, func(q Party) bool { return q.Name == p.Name }) {
			e.people = append(e.people, p)
		}
	}
	for _, it := range c.items {
		if it.anaphor && len(e.items) > 0 {
			continue // "the grenades": the items told of already
		}
		if !slices.ContainsFunc(e.items, func(x *item) bool { return x.desc == it.desc }) {
			e.items = append(e.items, it)
		}
	}
	if e.period.from.zero() {
		e.period = c.period
	}
	for _, cl := range c.claims {
		if !slices.Contains(e.claims, cl) {
			e.claims = append(e.claims, cl)
		}
	}
	for _, q := range c.evidence {
		if !slices.Contains(e.evidence, q) {
			e.evidence = append(e.evidence, q)
		}
	}
	e.rules = append(e.rules, c.rules...)
	e.quantity = e.quantity || c.quantity
	e.forLaunch = e.forLaunch || c.forLaunch
	if !c.vague {
		e.vague = false
	}
}

// place adds a candidate to the article's events: into an event it tells of again, or as a new
// one.
func (st *state) place(c *event) {
	c.vague = c.vague || (directional[c.typ] && len(c.specific()) == 0 && !c.quantity)
	anaphor := len(c.items) > 0 && !c.quantity
	for _, it := range c.items {
		anaphor = anaphor && it.anaphor
	}
	for i := len(st.events) - 1; i >= 0; i-- {
		e := st.events[i]
		if !compatible(e, c) {
			continue
		}
		switch {
		case e.headline && !c.headline && !anaphor && !c.vague && datesMeet(e.period, c.period) && headlineFits(e, c):
			// The headline told of what this sentence tells of more fully.
			mergeHeadline(c, e, st.a.Publisher)
			st.events[i] = c
			st.prev, st.prevAt = c, c.first
			return
		case anaphor || c.vague:
			// "the grenades", "such arms transfers", "the shipment": what was told before.
			if c.typ == "meeting" && sameVisit(e.period, c.period) {
				e.widen(c.period) // "confirmed Choe's visit for Jan. 15-17"
			}
			c.noClaimIfAssessment()
			mergeInto(e, c)
			e.rules = append(e.rules, fmt.Sprintf("merged: sentence %d tells of it again", c.first+1))
			st.prev, st.prevAt = e, c.first
			return
		case e.vague && datesMeet(e.period, c.period):
			// The vague mention before ("the alleged transfer of weapons") was this one.
			summary, own := c.summary, c.evidence
			mergeInto(c, e)
			c.summary = summary
			c.first = e.first
			c.evidence = joinEvidence(e.evidence, own)
			st.events[i] = c
			st.prev, st.prevAt = c, c.first
			return
		case slices.Equal(e.specific(), c.specific()) && datesMeet(e.period, c.period) && (!c.quantity || !e.quantity),
			c.typ == "meeting" && sameVisit(e.period, c.period):
			if c.quantity && !e.quantity && len(e.items) > 0 {
				continue // "about 50 such missiles": more than the one told of before
			}
			if c.typ == "meeting" {
				e.widen(c.period)
			}
			c.noClaimIfAssessment()
			mergeInto(e, c)
			e.rules = append(e.rules, fmt.Sprintf("merged: sentence %d tells of the same %s", c.first+1, c.typ))
			st.prev, st.prevAt = e, c.first
			return
		}
	}
	if c.anaphor && c.typ != "meeting" {
		return // "the deal", "the shipment", with nothing before it to be: not an event of its own
	}
	// Items written as "such missiles": the kind of the missiles told of before.
	st.resolveAnaphors(c)
	st.events = append(st.events, c)
	st.prev, st.prevAt = c, c.first
}

// noClaimIfAssessment takes the claim off a sentence that tells again of an event to judge its
// legality ("analysts said the shipments would breach ..."): it does not report the event.
func (c *event) noClaimIfAssessment() {
	if c.assessment == "" || len(c.claims) == 0 {
		return
	}
	c.claims = nil
	c.rules = append(c.rules, fmt.Sprintf("claim: none from sentence %d ('%s': an assessment of the event, not a report of it)", c.first+1, c.assessment))
}

// headlineFits says whether a headline's event may be the one a sentence of the body tells of:
// the same parties (compatible), and the headline's items among the sentence's.
func headlineFits(h, c *event) bool {
	if !compatible(h, c) {
		return false
	}
	cs := c.specific()
	for _, k := range h.specific() {
		if !slices.Contains(cs, k) {
			return false
		}
	}
	return true
}

// mergeHeadline adds to c, a sentence of the body, the headline's event h that told of it first.
// c's summary, items and claims stand; the headline's claim only when someone it names makes it
// (not the publisher's, which every headline has).
func mergeHeadline(c, h *event, publisher string) {
	hc := *h
	hc.claims = nil
	for _, cl := range h.claims {
		if len(c.claims) == 0 || cl.By.Kind != "media" || cl.By.Name != publisher {
			hc.claims = append(hc.claims, cl)
		}
	}
	hc.items = nil
	cs := c.specific()
	for _, it := range h.items {
		if !it.generic && !slices.Contains(cs, it.category) {
			hc.items = append(hc.items, it)
		}
	}
	hc.rules = nil
	summary, own := c.summary, c.evidence
	c.rules = append(slices.Clone(h.rules), c.rules...)
	mergeInto(c, &hc)
	c.rules = append(c.rules, fmt.Sprintf("merged: the headline (sentence %d) tells of the event of sentence %d", h.first+1, c.first+1))
	c.summary, c.first, c.headline = summary, h.first, false
	c.evidence = joinEvidence(h.evidence, own)
}

// joinEvidence is the sentences of an event told of first, then those of a later one that are
// not among them: the article's order.
func joinEvidence(first, later []string) []string {
	out := slices.Clone(first)
	for _, q := range later {
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// resolveAnaphors gives "such missiles" the category of the event of the same kind before.
func (st *state) resolveAnaphors(c *event) {
	for _, it := range c.items {
		if !it.generic {
			continue
		}
		for i := len(st.events) - 1; i >= 0; i-- {
			e := st.events[i]
			if e.typ != c.typ || !compatible(e, c) {
				continue
			}
			if sp := e.specific(); len(sp) > 0 && (it.such || it.anaphor) {
				it.category, it.generic, it.explicit = sp[0], false, true
				c.rules = append(c.rules, fmt.Sprintf("item '%s': %s, as the items told of before", it.desc, it.category))
				break
			}
		}
	}
}

// elaborate attaches the items of a sentence with no event word ("Inspectors found two MiG-21
// fighter jets ...") to the event of the sentence before.
func (st *state) elaborate(s *sentence) {
	if st.prev == nil || s.suppressed || s.index-st.prevAt > 2 || (st.prev.typ != "transfer" && st.prev.typ != "launch") {
		return
	}
	for k := range s.toks {
		if st.x.lx.has(s.toks, k, "wish") > 0 || (k == 0 && st.x.lx.has(s.toks, k, "counterpart") > 0) {
			return // "In exchange, Pyongyang is seeking fighter aircraft": not what was transferred
		}
	}
	var ms []mention
	for _, m := range s.ments {
		if m.isItem() && m.category != "vessel" && m.category != "transport_vehicle" && !st.x.lx.generic[m.category] && !covered(s, m) &&
			(m.start == 0 || !determiners[s.toks[m.start-1].w]) && // "the munitions": told of already
			!slices.ContainsFunc(st.prev.items, func(it *item) bool { return phrase.Key(it.desc) == m.key }) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return
	}
	before := len(st.prev.items)
	st.addItems(st.prev, s, ms)
	st.prev.evidence = append(st.prev.evidence, s.text)
	st.prev.rules = append(st.prev.rules, fmt.Sprintf("items of sentence %d, which names no event, added to the event before", s.index+1))
	if len(st.prev.items) > before {
		st.prev.vague = false
	}
	st.prevAt = s.index
}

// finish completes the events: the help for a launch goes to its operator, denials are added,
// drafts that name nothing transferred are dropped, and each event is written out.
func (st *state) finish() []Draft {
	var launches []*event
	for _, e := range st.events {
		if e.typ == "launch" {
			launches = append(launches, e)
		}
	}
	var out []Draft
	n := 0
	for _, e := range st.events {
		if e.typ == "technical_assistance" && e.forLaunch {
			for _, l := range launches {
				if e.recipient == "" && l.operator != "" {
					e.recipient = l.operator
					e.rules = append(e.rules, fmt.Sprintf("recipient %s: the operator of the launch it is for", l.operator))
				}
				if len(e.specific()) == 0 {
					for _, it := range l.items {
						if !it.generic {
							e.items = append(e.items, &item{desc: "technical assistance for the launch of " + it.desc, category: it.category, explicit: true})
							e.rules = append(e.rules, fmt.Sprintf("item: assistance for the launch, whose item is %s", it.category))
							break
						}
					}
				}
				break
			}
		}
		if (e.typ == "transfer" && len(e.items) == 0) || (directional[e.typ] && e.supplier == "" && e.recipient == "") {
			continue // nothing named was transferred, or nobody is named
		}
		if e.typ == "transfer" && len(e.specific()) == 0 && (e.supplier == "" || e.recipient == "") {
			continue // "weapons" sent somewhere by someone: too little to draft
		}
		for _, d := range st.denials {
			if len(d.types) > 0 && !slices.Contains(d.types, e.typ) {
				continue
			}
			for _, c := range d.by {
				if c == e.supplier || c == e.recipient || c == e.operator || slices.Contains(e.participants, c) {
					cl := Claim{Status: "denied", By: Claimant{Country: c}, Source: st.source}
					if !slices.Contains(e.claims, cl) {
						e.claims = append(e.claims, cl)
						e.rules = append(e.rules, fmt.Sprintf("claim: denied by %s ('%s')", c, firstWords(d.sentence, 8)))
					}
					if !slices.Contains(e.evidence, d.sentence) {
						e.evidence = append(e.evidence, d.sentence)
					}
				}
			}
		}
		n++
		out = append(out, st.draft(e, n))
	}
	return out
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " ..."
}
