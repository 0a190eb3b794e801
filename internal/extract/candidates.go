package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// trigger is an event word of a sentence.
type trigger struct {
	i, n    int
	kind    string // ta, help, deploy, transfer, receive, carry, use, launch, fire, cooperation, meeting, agreement
	noun    bool   // "the transfer of", "a visit": not a verb
	anaphor bool
	items   []mention
}

// kinds in the order a word is tried; the longest phrase wins, then the first kind.
var triggerKinds = []struct{ list, kind string }{
	{"technical_assistance", "ta"}, {"deploy", "deploy"}, {"agreement", "agreement"}, {"cooperation", "cooperation"},
	{"meeting", "meeting"}, {"transfer", "transfer"}, {"receive", "receive"}, {"carry", "carry"},
	{"use", "use"}, {"launch", "launch"}, {"help", "help"}, {"presence", "presence"},
}

var nounTriggers = map[string]bool{"transfer": true, "transfers": true, "shipment": true, "shipments": true,
	"delivery": true, "deliveries": true, "sale": true, "sales": true, "export": true, "exports": true,
	"import": true, "imports": true, "launch": true, "launches": true, "visit": true, "visits": true,
	"meeting": true, "talks": true, "summit": true, "agreement": true, "agreements": true, "treaty": true,
	"pact": true, "deal": true, "deals": true, "cooperation": true, "strike": true, "strikes": true,
	"attack": true, "attacks": true, "deployment": true, "supplies": true, "purchase": true}

var determiners = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true,
	"such": true, "its": true, "their": true, "his": true, "her": true}

// triggers finds the event words of a sentence that are not negated, modal or banned.
func (st *state) triggers(s *sentence) []trigger {
	lx := st.x.lx
	var out []trigger
	for i := 0; i < len(s.toks); {
		if m, ok := s.mentionAt(i); ok && m.start == i && (m.actor != nil || (m.isItem() && m.end-m.start > 1)) {
			i = m.end // words inside a name or a multi-word item are not event words
			continue
		}
		best, kind := 0, ""
		for _, k := range triggerKinds {
			if n := lx.has(s.toks, i, k.list); n > best {
				best, kind = n, k.kind
			}
		}
		if best == 0 {
			i++
			continue
		}
		if kind == "use" && lx.has(s.toks, i, "launch") == best {
			kind = "fire" // launched, fired: a launch, or the use of another state's weapons
		}
		if kind == "use" && i > 0 && s.toks[i-1].w == "for" {
			i += best // "for use in": a purpose
			continue
		}
		if participle(s, i, best) {
			i += best // "a visiting American scientist": an adjective, not an event
			continue
		}
		t := trigger{i: i, n: best, kind: kind, noun: nounTriggers[s.toks[i].w] && best == 1}
		if t.noun && i > 0 && (determiners[s.toks[i-1].w] || s.toks[i-1].possessive()) {
			// "the transfer", "Choe's visit": told of before; but "Pyongyang's transfer of
			// artillery shells to Moscow" tells it whole.
			t.anaphor = !(s.toks[i-1].possessive() && kind == "transfer" && i+best < len(s.toks) && s.toks[i+best].w == "of")
		}
		if !st.negated(s, i) {
			out = append(out, t)
		} else {
			s.suppressed = true // "is expected to send": no event, and no elaboration either
		}
		i += best
	}
	return out
}

// participle says whether an -ing event word is an adjective: after "a" or "an" ("a visiting
// scientist", "a shipping company"; "the smuggling shows" is a noun, and an event).
func participle(s *sentence, i, n int) bool {
	if n != 1 || i == 0 || !strings.HasSuffix(s.toks[i].w, "ing") {
		return false
	}
	return s.toks[i-1].w == "a" || s.toks[i-1].w == "an"
}

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

func hasKind(trigs []trigger, kind string, from, to int) bool {
	for _, t := range trigs {
		if t.kind == kind && t.i >= from && t.i < to {
			return true
		}
	}
	return false
}

// taAfter says whether a technical-assistance phrase follows a verb closely: "provided technical
// assistance", "received Russian technical assistance".
func taAfter(trigs []trigger, ti int, s *sentence) bool {
	for _, t := range trigs[ti+1:] {
		if t.kind == "ta" && t.i-trigs[ti].i <= 4 && s.clauseStart(t.i) == s.clauseStart(trigs[ti].i) {
			return true
		}
	}
	return false
}

// coverWords before an item make it the cover, not the cargo: hidden beneath a cargo of iron ore.
var coverWords = map[string]bool{"beneath": true, "under": true, "underneath": true, "among": true, "amid": true, "hidden": true}

// covered says whether an item is the cover of the cargo: hidden beneath a cargo of iron ore.
func covered(s *sentence, m mention) bool {
	for k := m.start - 1; k >= 0 && k >= m.start-4; k-- {
		if coverWords[s.toks[k].w] {
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

// --- Roles -----------------------------------------------------------------------------------

// subject is the party before an event word in its clause, that no preposition introduces:
// the doer of an active verb. After "and", it is the subject of the previous event word.
func (st *state) subject(s *sentence, i int, trigs []trigger) (mention, bool) {
	return st.subjectOf(s, i, trigs, false)
}

// subjectOf is subject; a ship's flag counts only when flagged is true (who received).
func (st *state) subjectOf(s *sentence, i int, trigs []trigger, flagged bool) (mention, bool) {
	cs := s.clauseStart(i)
	if i >= 2 && (s.toks[i-1].w == "and" || (s.toks[i-2].w == "and" && isAux(s.toks[i-1].w))) {
		for k := len(trigs) - 1; k >= 0; k-- {
			if trigs[k].i < i-1 {
				return st.subjectOf(s, trigs[k].i, trigs, flagged)
			}
		}
	}
	var best mention
	found := false
	for _, m := range s.ments {
		if m.end > i || m.start < cs || m.country == "" || (!flagged && s.flagged(m)) {
			continue
		}
		switch s.prepBefore(m) {
		case "", "and", "or":
		default:
			continue
		}
		if next, ok := s.mentionAt(m.end); ok && next.isItem() {
			if m.end < i {
				// "North Korean specialists", "Russian technical assistance": an adjective; it is the
				// subject only when nothing else is.
				if !found {
					best, found = m, true
				}
				continue
			}
		}
		best, found = m, true
	}
	return best, found
}

func isAux(w string) bool {
	switch w {
	case "was", "were", "been", "being", "be", "is", "are", "had", "has", "have", "did", "also", "then", "later":
		return true
	}
	return false
}

// passive says whether a verb is passive: "were shipped", "had been shipped by" (not "was
// supplying").
func passive(s *sentence, i int) bool {
	if strings.HasSuffix(s.toks[i].w, "ing") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch s.toks[k].w {
		case "was", "were", "been", "being", "be", "is", "are":
			return true
		}
	}
	return false
}

var transitWords = map[string]bool{"transit": true, "transiting": true, "transhipped": true, "transshipped": true, "rerouted": true}

// after finds the parties after token i in its clause that one of the prepositions introduces,
// with those listed with them ("to China and Vietnam").
func (st *state) after(s *sentence, i int, preps ...string) []mention {
	ce := s.clauseEnd(i)
	var out []mention
	for _, m := range s.ments {
		if m.start <= i || m.start >= ce || m.country == "" || s.flagged(m) {
			continue
		}
		if s.segmentStart(m.start) != s.segmentStart(i) {
			break // another part of the sentence: "..., breaching a ban imposed by the Security Council"
		}
		if p := s.prepBefore(m); p == "from" && m.start >= 3 && transitWords[s.toks[m.start-2].w] {
			continue // "in transit from China": a stop on the way, not the supplier
		}
		if slices.Contains(preps, s.prepBefore(m)) {
			out = append(out, m)
			// Its list: "China and Vietnam", "China, Malaysia and Vietnam".
			for _, n := range s.ments {
				if n.start > m.end && n.start < ce && n.isParty() && listedAfter(s, m, n) {
					out = append(out, n)
					m = n
				}
			}
			return out
		}
	}
	return out
}

// listedAfter says whether n follows m in a list: "China and Vietnam", "China, Japan and".
func listedAfter(s *sentence, m, n mention) bool {
	if n.start == m.end+1 && (s.toks[m.end].w == "and" || s.toks[m.end].w == "or") {
		return true
	}
	return n.start == m.end && strings.TrimSpace(s.toks[n.start].gap) == ","
}

// object is the party right after a verb, with no preposition: "supplying Russia with", "helped
// Iran's".
func (st *state) object(s *sentence, i, n int) (mention, bool) {
	k := i + n
	for k < len(s.toks) && k < i+n+3 {
		if m, ok := s.mentionAt(k); ok && m.start == k {
			if m.country != "" && !s.flagged(m) {
				return m, true
			}
			return mention{}, false
		}
		switch s.toks[k].w {
		case "the", "a", "an", "covertly", "secretly", "also":
			k++
			continue
		}
		return mention{}, false
	}
	return mention{}, false
}

// nounOwner is whose a noun of transfer is: "North Korea's exports", "North Korean exports", or
// the first party of its part of the sentence ("North Korea earned ... from banned exports").
func (st *state) nounOwner(s *sentence, t trigger) (mention, bool) {
	k := t.i - 1
	for k >= 0 && (st.x.lx.has(s.toks, k, "ban") > 0 || s.toks[k].possessive()) {
		k--
	}
	if m, ok := s.mentionAt(k); ok && m.country != "" {
		return m, true
	}
	if t.anaphor {
		return mention{}, false // "the transfer": told of before, and whose it is, too
	}
	// Back through its part of the sentence, to the party that acts ("North Korea earned ...
	// from banned exports"), unless a "that" or a say verb comes first (the speaker, then).
	seg := s.segmentStart(t.i)
	for k := t.i - 1; k >= seg; k-- {
		if s.toks[k].w == "that" || st.x.lx.has(s.toks, k, "say") > 0 || st.x.lx.has(s.toks, k, "hedge") > 0 {
			return mention{}, false
		}
		if m, ok := s.mentionAt(k); ok && m.country != "" && s.prepBefore(m) == "" && !s.flagged(m) {
			return m, true
		}
	}
	return mention{}, false
}

// origins are the countries the event's items come from.
func (st *state) originOf(s *sentence, items []mention) (mention, bool) {
	for _, it := range items {
		if o, ok := s.origin(it); ok {
			return o, true
		}
	}
	return mention{}, false
}

func (st *state) newEvent(typ string, s *sentence, t trigger, how string) *event {
	e := &event{typ: typ}
	e.rules = append(e.rules, fmt.Sprintf("type %s: '%s'%s", typ, s.span(t.i, t.i+t.n), how))
	st.addItems(e, s, t.items)
	return e
}

func (e *event) setSupplier(s *sentence, m mention, how string) {
	e.supplier = m.country
	e.rules = append(e.rules, fmt.Sprintf("supplier %s: '%s'%s", m.country, s.span(m.start, m.end), how))
}

func (e *event) setRecipient(s *sentence, m mention, how string) {
	e.recipient = m.country
	e.rules = append(e.rules, fmt.Sprintf("recipient %s: '%s'%s", m.country, s.span(m.start, m.end), how))
}

// transfer reads "X shipped Y to Z", "Y were shipped by X to Z", "Z received Y from X", "a ship
// carrying X's Y to Z", "the transfer of Y from X to Z"; with workers or troops as what is sent,
// labour or a deployment.
// recipientWord says whether token k follows "to" or "for", within four words: it names who
// receives, not what is sent ("to armed forces", "to Eritrea's armed forces", "for Russian
// troops").
func recipientWord(s *sentence, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if w := s.toks[j].w; w == "to" || w == "for" {
			return true
		}
	}
	return false
}

func (st *state) transfer(s *sentence, trigs []trigger, ti int) *event {
	t := trigs[ti]
	lx := st.x.lx
	typ := "transfer"
	ce := s.clauseEnd(t.i)
	for k := max(s.clauseStart(t.i), t.i-6); k < ce && k < t.i+10; k++ {
		if k > 0 && (s.toks[k-1].w == "of" || k > 1 && s.toks[k-2].w == "of" && s.toks[k-1].w == "the") {
			continue // "the wages of the workers": not the workers sent
		}
		if recipientWord(s, k) {
			continue // "sold radios to armed forces": the forces receive
		}
		if lx.has(s.toks, k, "labour") > 0 {
			typ = "labour"
			break
		}
		if lx.has(s.toks, k, "deployment") > 0 && t.kind != "receive" {
			typ = "deployment"
			break
		}
	}
	if typ == "transfer" && t.kind != "carry" {
		// "gave North Korea the technology to produce drones": know-how, not goods.
		for k := t.i + t.n; k < ce && k < t.i+t.n+6; k++ {
			if lx.has(s.toks, k, "know_how") > 0 {
				typ = "technical_assistance"
				break
			}
			if m, ok := s.mentionAt(k); ok && m.isItem() {
				break
			}
		}
	}
	e := st.newEvent(typ, s, t, "")
	if typ == "labour" || typ == "deployment" {
		e.items = nil
	}
	by := st.after(s, t.i, "by")
	from := st.after(s, t.i, "from")
	to := st.after(s, t.i, "to", "into")
	switch t.kind {
	case "receive":
		if subj, ok := st.subjectOf(s, t.i, trigs, true); ok {
			e.setRecipient(s, subj, ", who received")
		}
		if len(from) > 0 {
			e.setSupplier(s, from[0], ", after 'from'")
		} else if o, ok := st.originOf(s, t.items); ok {
			e.setSupplier(s, o, ", where the items come from")
		}
	case "carry":
		if o, ok := st.originOf(s, t.items); ok {
			e.setSupplier(s, o, ", where the cargo comes from")
		}
	default:
		switch {
		case len(by) > 0:
			e.setSupplier(s, by[0], ", after 'by'")
		case len(from) > 0 && !t.noun:
			e.setSupplier(s, from[0], ", after 'from'")
		case len(from) > 0 && t.noun:
			e.setSupplier(s, from[0], ", after 'from'")
		case t.noun:
			if m, ok := st.nounOwner(s, t); ok {
				e.setSupplier(s, m, ", whose '"+s.toks[t.i].w+"' they are")
			} else if o, ok := st.originOf(s, t.items); ok {
				e.setSupplier(s, o, ", where the items come from")
			}
		case t.i > 0 && (s.toks[t.i-1].w == "of" || s.toks[t.i-1].w == "for"):
			// "a tanker suspected of transferring": its subject is the noun before; "accused North
			// Korea of supplying": the state before "of".
			if m, ok := s.mentionAt(t.i - 2); ok && m.country != "" && s.toks[t.i-1].w == "of" {
				e.setSupplier(s, m, ", before 'of "+s.toks[t.i].w+"'")
			} else if o, ok := st.originOf(s, t.items); ok {
				e.setSupplier(s, o, ", where the items come from")
			}
		case !passive(s, t.i):
			if subj, ok := st.subject(s, t.i, trigs); ok {
				e.setSupplier(s, subj, ", the subject of '"+s.span(t.i, t.i+t.n)+"'")
			} else if o, ok := st.originOf(s, t.items); ok {
				e.setSupplier(s, o, ", where the items come from")
			}
		default:
			if o, ok := st.originOf(s, t.items); ok {
				e.setSupplier(s, o, ", where the items come from")
			}
		}
		if e.supplier == "" && typ != "transfer" {
			// "North Korean workers have been sent": the workers' state.
			for k := t.i - 6; k < t.i+8 && k < len(s.toks); k++ {
				if k < 0 {
					continue
				}
				if lx.has(s.toks, k, "labour") > 0 || lx.has(s.toks, k, "deployment") > 0 {
					if m, ok := s.mentionAt(k - 1); ok && m.isParty() {
						e.setSupplier(s, m, ", whose "+s.toks[k].w+" they are")
					}
					break
				}
			}
		}
	}
	if e.recipient == "" {
		switch {
		case len(to) > 0:
			e.setRecipient(s, to[0], ", after 'to'")
			for _, o := range to[1:] {
				e.others = append(e.others, o.country) // "to China and Vietnam": one event each
			}
		case t.kind == "transfer" && !t.noun:
			if o, ok := st.object(s, t.i, t.n); ok {
				e.setRecipient(s, o, ", the object of '"+s.span(t.i, t.i+t.n)+"'")
			}
		}
	}
	return e
}

// presence reads "North Korean workers operating in China and Laos", "troops stationed in
// Kursk": labour, or a deployment, in each state named.
func (st *state) presence(s *sentence, t trigger) *event {
	lx := st.x.lx
	typ, noun := "", -1
	for k := t.i - 1; k >= 0 && k >= t.i-4; k-- {
		if lx.has(s.toks, k, "labour") > 0 {
			typ, noun = "labour", k
			break
		}
		if lx.has(s.toks, k, "deployment") > 0 {
			typ, noun = "deployment", k
			break
		}
	}
	if typ == "" {
		return nil
	}
	e := st.newEvent(typ, s, t, " after '"+s.toks[noun].w+"'")
	e.items = nil
	for k := noun - 1; k >= 0 && k >= noun-4; k-- {
		if m, ok := s.mentionAt(k); ok && m.country != "" {
			e.setSupplier(s, m, ", whose "+s.toks[noun].w+" they are")
			break
		}
	}
	ce := s.clauseEnd(t.i)
	for _, m := range s.ments {
		if m.start > t.i && m.start < ce && m.country != "" && s.prepBefore(m) == "in" && m.country != e.supplier {
			if e.recipient == "" {
				e.setRecipient(s, m, ", where they are")
			} else if !slices.Contains(e.others, m.country) && m.country != e.recipient {
				e.others = append(e.others, m.country)
			}
		}
	}
	if e.recipient == "" {
		return nil
	}
	return e
}

// deploy reads "X deployed troops to Y".
func (st *state) deploy(s *sentence, trigs []trigger, ti int) *event {
	t := trigs[ti]
	e := st.newEvent("deployment", s, t, "")
	e.items = nil
	if subj, ok := st.subject(s, t.i, trigs); ok {
		e.setSupplier(s, subj, ", who deploys")
	}
	if to := st.after(s, t.i, "to", "in", "into"); len(to) > 0 {
		e.setRecipient(s, to[0], ", where the troops go")
	}
	return e
}

// use reads "Russia fired North Korean ballistic missiles", "a Russian strike ... a North
// Korean missile": the user received them from their maker. A state firing its own is a launch.
func (st *state) use(s *sentence, trigs []trigger, ti int, ta *event) *event {
	t := trigs[ti]
	user, hasUser := st.subject(s, t.i, trigs)
	if t.noun && t.i > 0 {
		if m, ok := s.mentionAt(t.i - 1); ok && m.isParty() {
			user, hasUser = m, true // "a Russian strike"
		}
	}
	origin, hasOrigin := st.originOf(s, t.items)
	if hasOrigin && (!hasUser || user.country != origin.country) && len(t.items) > 0 {
		e := st.newEvent("transfer", s, t, ": a state uses another's weapons")
		e.stage = "used"
		e.setSupplier(s, origin, ", who made the weapons")
		if hasUser {
			e.setRecipient(s, user, ", who used them")
		}
		if loc := st.after(s, t.i, "into", "at", "on", "in"); len(loc) > 0 && loc[0].country != e.recipient {
			e.location = loc[0].country
		}
		return e
	}
	if len(t.items) == 0 && !t.noun {
		// "had fired at least 20 of them": the event of the word before, if any.
		e := st.newEvent("transfer", s, t, ": the use of weapons named before")
		e.vague = true
		if hasUser {
			e.recipient = user.country
		}
		return e
	}
	if t.kind == "fire" && launchable(t.items) {
		return st.launch(s, t, ta)
	}
	return nil
}

// launchable says whether items are what a launch sends up: missiles, rockets, satellites.
func launchable(items []mention) bool {
	for _, it := range items {
		switch it.category {
		case "ballistic_missile", "cruise_missile", "space_launch_technology", "missile_technology", "military_equipment":
			return true
		}
	}
	return false
}

// launch reads "North Korea launched a satellite", "the launch of its first satellite".
func (st *state) launch(s *sentence, t trigger, ta *event) *event {
	t.items = slices.DeleteFunc(slices.Clone(t.items), func(m mention) bool { return !launchable([]mention{m}) })
	e := st.newEvent("launch", s, t, "")
	// "its"/"their" between the word and the item: the clause's subject, or who received help
	// for it.
	poss := false
	for k := t.i + t.n; k < len(s.toks) && k < t.i+t.n+4; k++ {
		if w := s.toks[k].w; w == "its" || w == "their" {
			poss = true
		}
	}
	switch {
	case poss && ta != nil && ta.recipient != "":
		e.operator = ta.recipient
		e.rules = append(e.rules, fmt.Sprintf("operator %s: 'its', who received the help for it", e.operator))
	case poss:
		for _, m := range s.ments {
			if m.isParty() && m.start < t.i {
				e.operator = m.country
				e.rules = append(e.rules, fmt.Sprintf("operator %s: 'its', the sentence's first party '%s'", m.country, s.span(m.start, m.end)))
				break
			}
		}
	case passive(s, t.i):
		// "the missile was launched (by X)": the subject is what was launched.
		if by := st.after(s, t.i, "by"); len(by) > 0 {
			e.operator = by[0].country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', after 'launched by'", e.operator, s.span(by[0].start, by[0].end)))
		} else if len(e.items) == 0 {
			e.vague = true // the launch told of before
		}
	default:
		if o, ok := st.originOf(s, t.items); ok {
			e.operator = o.country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', whose the items are", o.country, s.span(o.start, o.end)))
		} else if subj, ok := st.subject(s, t.i, nil); ok {
			e.operator = subj.country
			e.rules = append(e.rules, fmt.Sprintf("operator %s: '%s', the subject", subj.country, s.span(subj.start, subj.end)))
		}
	}
	if t.anaphor && len(e.items) == 0 {
		e.vague = true
	}
	return e
}

// technicalAssistance reads "Russian technical assistance", "X provided technical assistance to
// Y", "Y received technical help from X".
func (st *state) technicalAssistance(s *sentence, trigs []trigger, ti int) *event {
	t := trigs[ti]
	e := st.newEvent("technical_assistance", s, t, "")
	if t.i > 0 {
		if m, ok := s.mentionAt(t.i - 1); ok && m.isParty() {
			e.setSupplier(s, m, ", who gives the assistance")
		}
	}
	if from := st.after(s, t.i, "from"); e.supplier == "" && len(from) > 0 {
		e.setSupplier(s, from[0], ", after 'from'")
	}
	if to := st.after(s, t.i, "to"); len(to) > 0 {
		e.setRecipient(s, to[0], ", after 'to'")
	}
	// The verb before the phrase: "Russia had likely provided", "Kim's regime ... received".
	for k := ti - 1; k >= 0; k-- {
		v := trigs[k]
		if t.i-v.i > 6 || s.clauseStart(v.i) != s.clauseStart(t.i) {
			break
		}
		subj, ok := st.subject(s, v.i, trigs)
		if !ok {
			continue
		}
		switch v.kind {
		case "receive":
			if e.recipient == "" {
				e.setRecipient(s, subj, ", who received it")
			}
		case "transfer", "help":
			if e.supplier == "" {
				e.setSupplier(s, subj, ", who provided it")
			}
		}
	}
	// "for the launch": the launch drafted before.
	if k := t.i + t.n; k+1 < len(s.toks) && s.toks[k].w == "for" && s.toks[k+1].w == "the" {
		for j := k + 2; j < len(s.toks) && j <= k+4; j++ {
			if strings.HasPrefix(s.toks[j].w, "launch") {
				e.forLaunch = true
			}
		}
	}
	return e
}

// help reads "X helped Y (with ...)", between two states.
func (st *state) help(s *sentence, t trigger) *event {
	subj, ok := st.subject(s, t.i, nil)
	obj, ok2 := st.object(s, t.i, t.n)
	if !ok || !ok2 || subj.country == "" || obj.country == "" || subj.country == obj.country {
		return nil
	}
	e := st.newEvent("technical_assistance", s, t, ": one state helps another")
	e.setSupplier(s, subj, ", who helps")
	e.setRecipient(s, obj, ", who is helped")
	return e
}

// together reads cooperation and agreements: the states of the clause; with "from X to Y", a
// direction.
func (st *state) together(s *sentence, t trigger, typ string) *event {
	e := st.newEvent(typ, s, t, "")
	cs, ce := s.clauseStart(t.i), s.clauseEnd(t.i)
	for _, m := range s.ments {
		if m.isParty() && m.country != "" && m.start >= cs && m.start < ce && !slices.Contains(e.participants, m.country) {
			e.participants = append(e.participants, m.country)
		}
	}
	if from, to := st.after(s, t.i, "from"), st.after(s, t.i, "to"); len(from) > 0 && len(to) > 0 {
		e.setSupplier(s, from[0], ", after 'from'")
		e.setRecipient(s, to[0], ", after 'to'")
	}
	if len(e.participants) < 2 && e.supplier == "" {
		return nil
	}
	e.rules = append(e.rules, "parties: "+strings.Join(e.participants, ", "))
	return e
}

// meeting reads visits, meetings, talks and summits: the states of the people and places named.
func (st *state) meeting(s *sentence, t trigger) *event {
	e := st.newEvent("meeting", s, t, "")
	e.items = nil
	seg := s.segmentStart(t.i)
	for _, m := range s.ments {
		if m.start < seg || (m.start > t.i && s.segmentStart(m.start) != seg) {
			continue // another part of the sentence: who says so, what else happened
		}
		switch s.prepBefore(m) {
		case "in", "into", "at", "near", "off", "over", "across", "via", "through", "against", "on":
			if m.start < t.i || m.actor == nil {
				continue // a place: "its war in Ukraine"
			}
		}
		if st.speaks(s, m) {
			continue // "Washington fears", "KCNA reported": who says it, not who met
		}
		if m.isParty() && m.country != "" {
			if m.actor != nil && m.actor.Kind == "media" {
				continue
			}
			if !slices.Contains(e.participants, m.country) {
				e.participants = append(e.participants, m.country)
			}
			if m.actor != nil && m.actor.Kind == "person" && !slices.ContainsFunc(e.people, func(p Party) bool { return p.Name == m.actor.Name }) {
				e.people = append(e.people, Party{Name: m.actor.Name, Country: m.actor.Country, Kind: "person", Role: "participant"})
			}
		}
	}
	// "Putin, on his first visit to Pyongyang, ...": who visits is before the aside.
	if seg > 0 {
		for _, m := range s.ments {
			if m.start < s.segmentStart(seg-1) || m.end > seg {
				continue
			}
			if m.country != "" && s.prepBefore(m) == "" && !st.speaks(s, m) && !slices.Contains(e.participants, m.country) {
				e.participants = append([]string{m.country}, e.participants...)
				if m.actor != nil && m.actor.Kind == "person" {
					e.people = append(e.people, Party{Name: m.actor.Name, Country: m.actor.Country, Kind: "person", Role: "participant"})
				}
			}
			break
		}
	}
	if to := st.after(s, t.i, "to", "in", "for"); len(to) > 0 {
		e.location = to[0].country
	} else if o, ok := st.object(s, t.i, t.n); ok {
		e.location = o.country
	}
	if t.anaphor {
		e.vague = true
	}
	if len(e.participants) == 0 {
		return nil
	}
	e.rules = append(e.rules, "participants: "+strings.Join(e.participants, ", "))
	return e
}

// speaks says whether a party is the subject of a say or hedge verb: "Washington fears" (not
// "a summit with Putin, the Kremlin said": a comma ends the party's part).
func (st *state) speaks(s *sentence, m mention) bool {
	for k := m.end; k < len(s.toks) && k <= m.end+2; k++ {
		if s.toks[k].comma() {
			return false
		}
		if st.x.lx.has(s.toks, k, "say") > 0 || st.x.lx.has(s.toks, k, "hedge") > 0 || st.x.lx.has(s.toks, k, "confirm") > 0 {
			return true
		}
	}
	return false
}

// --- Items -----------------------------------------------------------------------------------

var (
	quantityRE     = regexp.MustCompile(`(?i)(more than|over|nearly|almost|about|around|some|at least|up to|roughly|an estimated|approximately|as many as)?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|thousand|billion)?\s*(tonnes|tons|barrels|rounds|units|containers|pieces)?\s*(?:of\s+)?$`)
	wordQuantityRE = regexp.MustCompile(`(?i)(hundreds of thousands|tens of thousands|thousands|hundreds|dozens)\s+of\s+$`)
	headNouns      = map[string]bool{"rockets": true, "rounds": true, "shells": true, "systems": true, "system": true,
		"components": true, "parts": true, "engines": true, "jets": true, "missiles": true, "missile": true,
		"launchers": true, "programme": true, "program": true, "products": true}
)

var qualifiers = map[string]string{"more than": "more_than", "over": "more_than", "nearly": "up_to", "almost": "up_to",
	"up to": "up_to", "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
	"an estimated": "approx", "approximately": "approx", "as many as": "up_to", "at least": "at_least"}

// addItems turns item mentions into items: adjacent mentions are one item ("Hwasong-11
// ballistic missile", "air defence missile systems"), described from the state they come from
// to their head noun, with any quantity before them.
func (st *state) addItems(e *event, s *sentence, ms []mention) {
	slices.SortFunc(ms, func(a, b mention) int { return a.start - b.start })
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].start == ms[j-1].end && !s.toks[ms[j].start].comma() {
			j++
		}
		group := ms[i:j]
		it := &item{generic: true}
		for _, m := range group {
			if !st.x.lx.generic[m.category] {
				if it.category == "" || it.generic {
					it.category = m.category
				}
				it.generic = false
			} else if it.category == "" {
				it.category = m.category
			}
		}
		start, end := group[0].start, group[len(group)-1].end
		if o, ok := s.origin(group[0]); ok && o.end >= start-2 {
			start = o.start
		}
		for end < len(s.toks) && headNouns[s.toks[end].w] && !s.toks[end].comma() {
			if m, ok := s.mentionAt(end); ok && m.isItem() && !st.x.lx.generic[m.category] {
				break // "Lexus vehicles": the vehicles are not a second category
			}
			end++
		}
		qstart := start
		if k := start - 1; k >= 0 && determiners[s.toks[k].w] {
			it.anaphor = true
			if s.toks[k].w == "such" {
				it.such = true
				qstart = k
			}
		}
		it.desc = s.span(start, end)
		before := s.text[:s.toks[qstart].start]
		if m := quantityRE.FindStringSubmatch(before); m != nil && len(before)-len(m[0]) >= 0 {
			v, _ := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
			switch strings.ToLower(m[3]) {
			case "thousand":
				v *= 1e3
			case "million":
				v *= 1e6
			case "billion":
				v *= 1e9
			}
			q := &Quantity{Value: v, Qualifier: qualifiers[strings.ToLower(m[1])]}
			if m[4] != "" && strings.ToLower(m[4]) != "containers" {
				q.Unit = strings.ToLower(m[4])
			}
			if q.Qualifier == "" {
				q.Qualifier = "exact"
			}
			if v > 0 && !strings.HasPrefix(strings.TrimSpace(m[0]), "$") {
				it.quantity = q
				it.anaphor = false
			}
		} else if m := wordQuantityRE.FindStringSubmatch(before); m != nil {
			v := map[string]float64{"hundreds of thousands": 100000, "tens of thousands": 10000, "thousands": 1000, "hundreds": 100, "dozens": 24}[strings.ToLower(m[1])]
			it.quantity = &Quantity{Value: v, Qualifier: "more_than"}
			it.desc = strings.TrimSpace(m[0]) + " " + it.desc
		}
		e.items = append(e.items, it)
		e.rules = append(e.rules, fmt.Sprintf("item '%s': the taxonomy places '%s' in %s", it.desc, group[0].key, it.category))
		i = j
	}
	for _, it := range e.items {
		if it.quantity != nil {
			e.quantity = true
		}
	}
}
