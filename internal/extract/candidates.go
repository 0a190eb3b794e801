package extract

import (
	"fmt"
	"slices"
)

// candidates reads the events of a sentence.
func (st *state) candidates(s *sentence) []*event {
	trigs := st.triggers(s)
	if len(trigs) == 0 {
		return nil
	}
	// "agreed to cooperate": one agreement, with the items.
	trigs = slices.DeleteFunc(trigs, func(t trigger) bool {
		return t.kind == "cooperation" && hasKind(trigs, "agreement", s.clauseStart(t.i), s.clauseEnd(t.i))
	})
	st.assignItems(s, trigs)
	var out []*event
	var lastOfKind = map[string]*event{}
	var ta *event
	for ti := range trigs {
		t := &trigs[ti]
		var e *event
		switch t.kind {
		case "ta":
			e = st.technicalAssistance(s, trigs, ti)
			ta = e
		case "help":
			if hasKind(trigs, "ta", s.clauseStart(t.i), s.clauseEnd(t.i)) {
				continue // the phrase says it: "helped ... with technical assistance"
			}
			e = st.help(s, *t)
		case "transfer", "receive", "carry":
			if taAfter(trigs, ti, s) {
				continue // "provided technical assistance": the assistance is the event
			}
			e = st.transfer(s, trigs, ti)
		case "deploy":
			e = st.deploy(s, trigs, ti)
		case "use", "fire":
			e = st.use(s, trigs, ti, ta)
		case "launch":
			e = st.launch(s, *t, ta)
		case "cooperation":
			if hasKind(trigs, "agreement", s.clauseStart(t.i), s.clauseEnd(t.i)) {
				continue // "agreed to cooperate": an agreement
			}
			e = st.together(s, *t, "cooperation")
		case "agreement":
			e = st.together(s, *t, "agreement")
		case "meeting":
			e = st.meeting(s, *t)
		case "presence":
			e = st.presence(s, *t)
		}
		if e == nil {
			continue
		}
		e.first = s.index
		e.anaphor = t.anaphor
		e.trig = t.i
		e.evidence = []string{s.text}
		e.summary = s.text
		if !t.anaphor || e.typ == "meeting" { // "Choe's visit for Jan. 15-17": the days of the visit told of before
			e.period = periodOf(s.dates, st.a.Date)
			if e.period.why != "" {
				e.rules = append(e.rules, e.period.why)
			}
		}
		// A second word of the same kind with nothing of its own tells of the same event:
		// "had received ... and had fired at least 20 of them"; "met ... in a summit".
		if prev := lastOfKind[e.typ]; prev != nil && (e.typ == "meeting" || (len(t.items) == 0 || len(prev.items) == 0) && compatible(prev, e)) {
			mergeInto(prev, e)
			continue
		}
		lastOfKind[e.typ] = e
		out = append(out, e)
		for _, other := range e.others {
			c := e.clone()
			c.recipient = other
			c.rules = append(c.rules, fmt.Sprintf("recipient %s: listed with %s", other, e.recipient))
			out = append(out, c)
		}
		e.others = nil
	}
	return out
}

// covered says whether an item is the cover of the cargo: hidden beneath a cargo of iron ore.
func covered(s *sentence, m mention) bool {
	for k := m.start - 1; k >= 0 && k >= m.start-4; k-- {
		if s.lx.listed(s.toks[k].w, "cover") {
			return true
		}
	}
	for k := m.start - 1; k >= 0 && k >= m.start-6; k-- {
		if s.lx.has(s.toks, k, "counterpart") > 0 {
			return true // "in return for its troops and shells": what goes the other way
		}
		if s.toks[k+1].comma() {
			break
		}
	}
	return false
}

// assignItems gives each item of the sentence to the event word before it in its clause, or,
// when none is, to the one after it.
func (st *state) assignItems(s *sentence, trigs []trigger) {
	takes := func(k string) bool { return k != "meeting" }
	for _, m := range s.ments {
		if !m.isItem() || m.category == "vessel" || m.category == "transport_vehicle" {
			continue // ships and cars carry the cargo far more often than they are it
		}
		if covered(s, m) {
			continue
		}
		cs, ce := s.clauseStart(m.start), s.clauseEnd(m.start)
		best := -1
		for ti, t := range trigs {
			if t.i < m.start && t.i >= cs && takes(t.kind) {
				best = ti
			}
		}
		if best < 0 {
			for ti, t := range trigs {
				if t.i > m.start && t.i < ce && takes(t.kind) && s.segmentStart(t.i) == s.segmentStart(m.start) {
					best = ti
					break
				}
			}
		}
		if best >= 0 {
			trigs[best].items = append(trigs[best].items, m)
		}
	}
}
