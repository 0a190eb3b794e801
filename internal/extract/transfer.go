package extract

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

// transfer reads "X shipped Y to Z", "Y were shipped by X to Z", "Z received Y from X", "a ship
// carrying X's Y to Z", "the transfer of Y from X to Z"; with workers or troops as what is sent,
// labour or a deployment.
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
