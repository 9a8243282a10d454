"""Acquisitions stated in running text: who bought whom, for how much, when, and how far the
deal got (announced, pending, completed, terminated).

Active and passive voice, a deal told by its state ("completed its acquisition of"), a deal
sought ("is in talks to acquire") and a label naming both sides. No pattern names a company.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .amounts import MODEL, find_quantities
from .dates import first_date, opening_date
from .phrases import NAME, looks_like_name, looks_like_org, split_names
from .names import name_key
from .reading import State, add, kinds_of, month_told, opening_name, owned_name, qualifiers, trim_name
from .records import Acquisition, Backing, Source


_BUYS = (r"(?:(?:today|also)\s+)?(?:announced|signed|entered\s+into|reached)\s+(?:a|an)\s+(?:(?:definitive|binding|final)\s+)?(?:merger\s+)?"
         r"agreement\s+(?:to|under\s+which\s+it\s+will)\s+(?:acquire|buy|purchase)|"  # "announced a definitive agreement to acquire"
         r"agreed\s+(?:in|on)\s+(?:[\w,]+\s+){0,3}?(?:\d{4},?\s+)?to\s+(?:acquire|buy|purchase)|"  # "agreed in (September 2025|July) to acquire"
         "acquired|acquires|is acquiring|acquiring|agreed to acquire|to acquire|will acquire|bought|buys|agreed to buy|"
         "to buy|will buy|is buying|is purchasing|is taking over|purchased|agreed to purchase|to purchase|snapped up|took over|takes over|"
         "picked up|picks up|swallowed|swallows|acqui-hired|acquihired|acqui-hires|acquihires|"
         r"acq\.|acq['’]d")  # a changelog's shorthand: "Nimbrel Cloud acq. Oakvale Labs, ~$40M"; a post's "acq'd"
# "is reportedly in talks to acquire": a deal sought, not one agreed (no status; qualifiers say so)
_INTENT = (r"(?:is|are|was|were)\s+(?:\w+\s+){0,2}?(?:in\s+(?:\w+\s+)?(?:talks|discussions|negotiations)|negotiating|"
           r"planning|preparing|looking|poised|expected|seeking|set)\s+")
# what a target may be introduced as: "agreed to buy Danish data-centre operator Ravnholm DC"
_DESCRIBED = (r"(?:(?:an?|the|its|fellow)\s+)?(?:[\w-]+\s+){0,4}?(?:company|startup|start-up|operator|provider|firm|marketplace|"
              r"platform|developer|maker|chipmaker|specialist|rival|competitor|neocloud|miner|lab|shop|outfit),?\s+")  # "startup, Loomtide,"
# an appositive may stand between the buyer and its verb: "Nebulon, the UK sovereign compute company, has agreed to acquire"
# ... or a bracket: "Hallgrim Cloud (co-founder and CEO Ingrid Vassbotn) has agreed to buy"
_APPOSITIVE = r"(?:,\s+(?:an?|the)\s+[^,]{1,90},|\s+\([^()]{1,80}\))?"
_ACQ_ACTIVE = re.compile(rf"(?P<a>{NAME}|[Tt]he company|\b[Ii]t){_APPOSITIVE}\s+(?:has\s+|had\s+)?"
                         rf"(?P<intent>{_INTENT})?(?P<verb>{_BUYS})\s+(?!by\s)"  # "X acquired by chipmaker Y" is passive
                         # ("agreed to buy substantially all of Caldmoor's assets": the company, bought as its assets)
                         r"(?:(?:substantially\s+)?all\s+(?:of\s+)?(?=[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*['’]s\s+assets\b)|"
                         r"the\s+assets\s+of\s+)?"
                         rf"(?:{_DESCRIBED})?(?P<t>{NAME}|the (?:company|startup|firm|business)\b)")
# "acquired Skarvik AI, which had raised a $40M Series B in 2023, for $310 million": the target's
# own story, whose money and dates are not the deal's
_TARGET_CLAUSE = re.compile(r"^,\s+(?:which|who|an?\s|the\s)\s*(?![^,]*\b(?:deal|paid|price|acquisition|purchase|bought|acquired)\b)[^,]*(?=,|$)")
# "X's cards", "X's H100 fleet": some of a company's hardware (not "all of X's assets", the company bought whole),
# after the name or inside what was matched as one ("Lindqvist's H100s")
_ASSETS = rf"(?:[\w-]+\s+){{0,2}}?(?:cards|{MODEL}s|GPUs|servers|chips|fleet|racks|hardware|equipment|clusters?)\b"
_SOME_ASSETS = re.compile(rf"(?:['’]s)?\s+{_ASSETS}")
_OWNED_ASSETS = re.compile(rf"['’]s\s+{_ASSETS}$")
_PRODUCT = re.compile(rf"{MODEL}s?|GPUs?|chips?|servers?")
_THE_TARGET = ("the company", "the startup", "the firm", "the business")


# "X was acquired by Y" (done); "X agreed to be acquired by Y", "X will be bought by Y" (agreed, not done)
_ASSETS_BOUGHT = re.compile(r"\b(?:Its|Their)\s+(?:assets|business|operations|fleet)\s+(?:were|was)\s+"
                            r"(?=(?:bought|acquired|purchased|taken over|picked up)\b)")
_ACQ_PASSIVE = re.compile(rf"(?P<t>{NAME})(?:,[^,]{{1,60}},|\s+\([^()]{{1,80}}\))?\s+(?:(?P<done>was|has been|were)|(?P<agreed>is being|"
                          r"(?:has\s+)?agreed to be|(?:is|are)\s+(?:set|expected|due)\s+to be|is to be|will be))\s+"
                          rf"(?P<verb>acquired|acq['’]d|acqui-hired|bought|purchased|snapped up|taken over|picked up|absorbed)\s+"
                          r"(?:out\s+of\s+(?:administration|bankruptcy|receivership|insolvency|liquidation)\s+)?by\s+"
                          rf"(?:{_DESCRIBED})?(?P<a>{NAME})")
# "Ravensloe AI merged into Saltcote Inference", "Lintwhite Exchange was folded into Keldholme Compute": the one merged
# into the other is bought by it (an aside between may hold a count: "..., a platform with 14,000 developers, was folded")
_ACQ_INTO = re.compile(rf"(?P<t>{NAME})(?:,(?:[^,]|,(?=\d{{3}})){{1,80}},)?\s+(?:(?:was|has been|were)\s+|(?P<agreed>is being|will be|is to be|"
                       rf"(?:has\s+)?agreed to be)\s+)?(?P<verb>merged|folded|absorbed)\s+into\s+(?P<a>{NAME})")
# "Kestrow is an inference compiler startup, acquired by Vantorel in July 2025": what it is, then who bought it
_ACQ_DESCRIBED = re.compile(rf"(?P<t>{NAME})\s+(?:is|was)\s+(?:an?|the)\s+[^,;.()]{{1,60}},\s+(?:since\s+)?"
                            rf"(?P<verb>acquired|bought|purchased|taken over)\s+by\s+(?:{_DESCRIBED})?(?P<a>{NAME})")
# a headline's "Sparrowgrid acq'd by Tarnwick Cloud", with no "was": only where a sentence or clause opens
# (a thread's post number may come first, and a bracket after the target: "6/14 Duskfall Labs (Austin ...) acq'd by")
_ACQ_HEADLINE = re.compile(rf"(?:^(?:\d{{1,2}}/\d{{1,2}}\s+)?|[:;]\s+)(?P<t>{NAME})(?:\s+\([^()]{{1,80}}\))?\s+"
                           r"(?P<verb>acquired|acq['’]d|bought|snapped up)\s+by\s+"
                           rf"(?:{_DESCRIBED})?(?P<a>{NAME})")
# "Quill Serve, which Arclight Compute acquired in 2024 for $300M, ..."
# "Pell Labs, the inference startup that Ardent Cloud bought in June", "The startup, which X bought"
_ACQ_WHICH = re.compile(rf"(?P<t>{NAME}|[Tt]he (?:company|startup|firm|business)),\s+(?:(?:an?|the)\s+[^,]{{1,60}}?\s+)?(?:which|that)\s+(?P<a>{NAME})\s+(?:had\s+|has\s+)?"
                        r"(?P<verb>acquired|bought|purchased|snapped up|took over)\b")
# "Aurivon plc agreed in December 2025 to sell its GPU division, Aurivon Compute, to Castelmare
# Cloud": the division named is bought; an unnamed one ("sold its hosting business to") is no company
# ... or the part first: "Amberlyn sold Pinemark Hash, its self-mining subsidiary in Paraguay, to Fallowmere Mining"
_PART = r"(?:division|unit|business|subsidiary|arm|operations?)"
# (the seller's company form may be written small: "Aurivon plc")
_ACQ_CARVE_OUT = re.compile(rf"{NAME}(?:\s(?:plc|llc|gmbh|ltd|inc)\b\.?)?{_APPOSITIVE}\s+(?:has\s+|had\s+)?(?P<verb>sold|agreed\s+(?:(?:in|on)\s+(?:[\w,]+\s+){{0,3}}\d{{4}},?\s+)?"
                            r"to sell|is selling|will sell|to sell)\s+(?:(?:its|a|the)\s+(?:[\w-]+\s+){0,3}?"
                            rf"{_PART},\s+(?P<t>{NAME})|(?P<t2>{NAME}),\s+its\s+[^,]{{0,40}}?\b{_PART}\b[^,]{{0,40}}),\s+to\s+"
                            rf"(?:{_DESCRIBED})?(?P<a>{NAME})")
# "Fabrik Labs sold itself to Oracle for $400 million"; "agreed to sell itself to"
_ACQ_SOLD = re.compile(rf"(?P<t>{NAME})\s+(?:has\s+)?(?P<verb>sold itself|was sold|agreed to sell itself|is selling itself|"
                       rf"will sell itself)\s+to\s+(?P<a>{NAME})")


# "Coldharbor Systems completed its acquisition of Solace Compute": the deal's state is the verb
_ACQ_DONE = re.compile(rf"(?P<a>{NAME}|[Tt]he company|\b[Ii]t){_APPOSITIVE}\s+(?:has\s+|have\s+)?"
                       r"(?:today\s+|yesterday\s+|now\s+|also\s+|formally\s+|officially\s+|finally\s+)?(?P<verb>completed|closed|finalized|finalised|announced|"
                       r"agreed|signed|terminated|abandoned|walked away from|pulled out of|called off|scrapped|dropped)\s+(?:its|an?|the)\s+(?:[\w$€£.,-]+\s+){0,3}?"
                       r"(?:\([^()]{1,40}\)\s+)?"  # "its A$1.35 billion (US$880 million) acquisition of"
                       r"(?:deal\s+for\s+|agreement\s+for\s+)?(?:acquisition|purchase|takeover|buyout)\s+of\s+"
                       rf"(?:{_DESCRIBED})?(?P<t>{NAME})")  # "of GPU marketplace Sparrowgrid"
# "The takeover of Pallas Labs by Tessaro Compute, announced ..."
_ACQ_NOUN_BY = re.compile(rf"\b(?P<verb>takeover|acquisition|purchase|buyout)\s+of\s+(?P<t>{NAME})\s+by\s+(?P<a>{NAME})")
# "Helmsdale Cloud's €700 million purchase of Brisk GPU", "X's planned all-cash takeover of Y"
_ACQ_NOUN = re.compile(rf"(?P<a>{NAME})(?:'s|’s|(?<=s)['’])\s+(?:(?:[$€£¥₹]|[A-Z]{{3}}\s)\s?[\d.,]+\s?(?:[MBK]n?|million|billion|bn)?\s+|[\w-]+\s+){{0,3}}?"
                       rf"(?P<verb>acquisition|purchase|takeover|buyout)\s+of\s+(?P<t>{NAME})")
# "Its first acquisition was Kubevia", "Orbiton's largest purchase, in 2025, was the scheduling startup Kubevia":
# a deal told by its place among the buyer's
_ACQ_NTH = re.compile(rf"(?P<a>{NAME}(?='s|’s)|\b[Ii]ts)(?:'s|’s)?\s+(?:first|second|third|latest|largest|biggest|only|"
                      r"most recent|last|newest|earliest)\s+(?:[\w-]+\s+)?(?:acquisition|purchase|takeover|buy|deal)"
                      rf"(?:,[^,]{{1,40}},)?\s+(?P<verb>was|is)\s+(?:{_DESCRIBED})?(?P<t>{NAME})")
# "is said to be weighing a bid for Lanterra GPU": a deal sought
_ACQ_BID = re.compile(rf"(?P<a>{NAME})\s+(?:(?:is|are|was|were|has|have)\s+(?:\w+\s+){{0,4}}?)?(?P<intent>(?:weighing|considering|"
                      r"exploring|preparing|mulling|made|making|submitted|tabled|launched)\s+(?:a|an)\s+(?:[\w$€£.,-]+\s+){0,3}?)"
                      rf"(?P<verb>bid|offer)\s+for\s+(?P<t>{NAME})")
# "has taken a majority stake in Corvid Compute", "acquired a 60% stake in": control bought, an
# acquisition; a minority stake is no acquisition
_ACQ_STAKE = re.compile(rf"(?P<a>{NAME})\s+(?:has\s+|had\s+)?(?P<intent>{_INTENT})?(?P<verb>taken|took|takes|acquired|acquires|bought|buys|"
                        r"agreed to (?:take|buy|acquire)|will take|is taking|to take|to acquire|to buy)\s+(?:a|an)\s+"
                        r"(?:(?:majority|controlling)|(?:5[1-9]|[6-9]\d|100)(?:\.\d+)?\s?(?:%|per\s?cent|percent))\s+"
                        rf"(?:\w+\s+)?stake\s+in\s+(?P<t>{NAME})")
_MINOR_STAKE = re.compile(rf"(?P<a>{NAME}){_APPOSITIVE}\s+(?:has\s+|had\s+)?(?:also\s+|still\s+|now\s+)?(?:taken|took|acquired|bought|picked up|holds|"
                          r"owns|held|owned)\s+(?:a|an)\s+"
                          r"(?:minority|(?:[1-9]|[1-4]\d|50)(?:\.\d+)?\s?(?:%|per\s?cent|percent)|"
                          # "took a $75 million equity stake in the company": money put in, no control said
                          r"(?:[$€£¥]|[A-Z]{3}\s)\s?\d[\d.,]*\s?(?:million|billion|bn|mn|[MBK])?)\s+"
                          rf"(?:\w+\s+)?stake\s+in\s+(?P<t>{NAME}|the (?:company|startup|firm|business)\b)")


# Shares changing hands between investors: the seller held a stake, the buyers now do.
# "Larchfield Ventures, Thistlebrook's first backer, sold roughly a third of its stake to Coatue and Fidelity",
# "Velliant Capital sold its entire position in Marlpit GPU to Arrowmere Partners",
# "Brinefield Partners trimmed its Wrenfold holding by selling shares to Sequoia Capital"
_NAMES = rf"{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*"
_SOLD_STAKE = re.compile(rf"(?P<s>{NAME})(?:,[^,]{{1,60}},)?\s+(?:has\s+|had\s+)?(?:sold|trimmed|cut|reduced)\s+"
                         r"(?:roughly\s+|about\s+|nearly\s+|some\s+)?(?:(?:a\s+third|half|a\s+quarter|part|some|most|all)\s+of\s+)?"
                         rf"(?:its|their)\s+(?:entire\s+)?(?:(?P<c>{NAME})\s+)?(?:stake|position|holding|shares)"
                         rf"(?:\s+in\s+(?P<c2>{NAME}))?[^.;]{{0,40}}?\s+to\s+(?P<b>{_NAMES})")
# "Thrive Capital and Arrowmere Partners will buy up to $600 million of common stock", "Lightspeed bought most of the shares"
_BOUGHT_SHARES = re.compile(rf"(?P<b>{_NAMES})\s+(?:will\s+buy|bought|agreed\s+to\s+buy|is\s+buying|are\s+buying|buying|acquired)\s+"
                            r"(?:up\s+to\s+)?(?:(?:most|all|some|part)\s+of\s+)?(?:the\s+)?(?:[$€£][\d.,]+\s?(?:million|billion|bn|[MB])?\s+of\s+)?"
                            r"(?:(?:its|the\s+company['’]s)\s+)?(?:common\s+|preferred\s+|employee\s+)?(?:stock|shares)\b")
_SHARES_HINT = re.compile(r"\b(?:stake|position|holding|shares|stock)\b")
_POSSESSOR_IN = re.compile(rf"(?P<c>{NAME})['’]s\s+(?:first|early|earliest|seed|lead|largest|biggest)\b")


def secondaries(state: State, text: str, source: Source, subject: str | None) -> bool:
    """Stakes sold and shares bought between investors: each a backing of the company (the one the
    text names, else its subject, the name it opens with or the company the sentence before was about,
    whichever is none of the holders)."""
    found = False
    if not _SHARES_HINT.search(text):
        return found
    context = (subject, opening_name(state, text), state.previous)
    for m in (*_SOLD_STAKE.finditer(text), *_BOUGHT_SHARES.finditer(text)):
        named = m.groupdict().get("c") or m.groupdict().get("c2")
        owner = _POSSESSOR_IN.search(text)
        holders = ([trim_name(state, m.group("s"))] if m.groupdict().get("s") else []) + \
            split_names(m.group("b"), state.names.spelled_in(text))
        said = [trim_name(state, n) for n in (named, owner.group("c") if owner else None) if n] + [c for c in context if c]
        company = owned_name(state, next((c for c in said if c and c not in holders), ""))
        for investor in holders:
            if company and investor and investor != company and looks_like_name(investor):
                add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
                found = True
    return found


# A share of the company held: its holder backs it. "Vauderon Partners owns 18%", "Moesa Growth Equity holds
# 12% and Sequoia Capital 11%", "NVIDIA owns roughly 7% of Tesserine", "the largest outside holder is Balderon
# Capital at roughly 22%" (not "NVIDIA holds 80% of the market": a share of something else)
_ABOUT = r"(?:(?:about|roughly|around|approximately|nearly|almost|just\s+(?:under|over)|some|over|more\s+than|under|~)\s*)?"
_PERCENT = r"\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
_OF_IT = rf"(?:\s+of\s+(?:the\s+(?:company|business|firm|startup|equity|shares)\b|its\s+(?:equity|shares|stock)\b|it\b|(?P<c>{NAME})))?"
_HELD_ENDS = r"(?=\s*(?:[.;,)]|$|\s+(?:and|after|following|since|between|through|via|on\s+a|today|now|post-money)\b))"
_HOLDS = re.compile(rf"(?P<i>{NAME}(?:\s\d{{1,2}}\b)?)\s+(?:now\s+|still\s+|also\s+)?(?:owns|holds|has|controls|retains|owned|held)\s+"
                    rf"{_ABOUT}{_PERCENT}{_OF_IT}{_HELD_ENDS}")
_AND_HOLDS = re.compile(rf"\s*(?:,\s*)?(?:and\s+)?(?P<i>{NAME})\s+{_ABOUT}{_PERCENT}{_HELD_ENDS}")
_HOLDER_IS = re.compile(rf"\b(?:outside|external|institutional|largest|biggest|main|second-largest|major|principal)\s+"
                        rf"(?:holder|shareholder|owner|investor)\s+(?:is|was|remains)\s+(?P<i>{NAME})|"
                        # "Lemanic Ventures and angel investors hold the rest"; "...; Fidelity was the main buyer" (of shares)
                        rf"(?P<i2>{NAME})(?:\s+and\s+[^,;.]{{1,30}}?)?\s+(?:hold|holds|own|owns)\s+the\s+(?:rest|remainder|balance)\b|"
                        rf"(?:^|(?<=[;:]\s))(?P<i3>{NAME})\s+(?:was|were)\s+the\s+(?:main|largest|biggest|lead|sole|only)\s+"
                        r"buyers?(?=\s*(?:[.;,]|$))")
# "seed investor Hallworth Ventures", "existing backer Rookhope Capital": what the name is to the company says it backs it
_INVESTOR_BEFORE = re.compile(rf"\b(?:seed|pre-seed|early|earliest|first|existing|lead|anchor|series\s+[A-H]|founding|"
                              rf"venture)\s+(?:investor|backer|shareholder)\s+(?P<i>{NAME})")


def holdings(state: State, text: str, source: Source, subject: str | None) -> bool:
    """Shares of a company held ('Vauderon Partners owns 18%'), and a holder named for what it is
    ('seed investor Hallworth Ventures'): each a backing of the company the text names, or its subject."""
    found = False
    if not re.search(r"%|per\s?cent|holder|investor|backer|buyer|\bhold|\bown", text):
        return found
    for m in (*_HOLDS.finditer(text), *_HOLDER_IS.finditer(text), *_INVESTOR_BEFORE.finditer(text)):
        holders = [m.group("i") or m.group("i2") or m.group("i3")] if m.re is _HOLDER_IS else [m.group("i")]
        if m.re is _HOLDS:  # "... and Sequoia Capital 11%"
            at = m.end()
            while more := _AND_HOLDS.match(text, at):
                holders.append(more.group("i"))
                at = more.end()
        named = m.groupdict().get("c")
        company = owned_name(state, trim_name(state, named)) if named else subject
        for holder in (trim_name(state, h) for h in holders):
            # (a holder named in two plain words may be a person: "Paloma Villaseñor owns 20%")
            if company and holder and holder != company and looks_like_name(holder) \
                    and (looks_like_org(holder) or holder in state.names or len(holder.split()) != 2) \
                    and not re.match(r"(?i)(?:co-)?founders?\b|the\b|its\b|it\b|employees?\b|management\b", holder):
                add(state, Backing(source, holder, company), ("investor", holder), ("company", company))
                found = True
    return found


_ENDED = re.compile(r"\b(?:terminated|called off|abandoned|scrapped|cancell?ed|walked away from)\s+(?:the\s+|their\s+)?"
                    r"(?:merger|deal|agreement|acquisition|transaction|takeover)\b")
_DEAL_TOLD = re.compile(r";\s+(?P<c>(?:the\s+)?(?:deal|transaction|purchase|acquisition|takeover)\b[^;]*)", re.I)


# Only a finished verb or a stated plan says a status; "X acquiring Y" in a list says neither.
_STATUS = {"acquired": "completed", "acq'd": "completed", "acq’d": "completed", "acqui-hired": "completed", "bought": "completed", "purchased": "completed", "snapped up": "completed",
           "took over": "completed", "picked up": "completed", "absorbed": "completed", "sold itself": "completed",
           "was sold": "completed", "taken over": "completed", "acquisition": None, "purchase": None, "acquiring": None,
           "takeover": None, "buyout": None, "taken": "completed", "took": "completed", "sold": "completed",
           "was": "completed", "is": None, "merged": "completed", "folded": "completed"}  # "its first acquisition was X"


def deal_status(text: str) -> str | None:
    # the last state a deal reached comes first: "announced in March and terminated in June" is terminated
    for words, status in (("terminated|called off|abandoned|scrapped|cancell?ed|walked away|pulled out|dropped|prohibited", "terminated"),
                          ("completed|closed", "completed"), ("pending", "pending"), ("announced|agreed", "announced")):
        if re.search(rf"\b(?:{words})\b", text, re.I):  # "terms undisclosed" closed nothing
            return status
    return None


# every pattern of a deal holds one of these words: most sentences are passed over at one search
_DEAL_HINT = re.compile(r"acq|bought|buy|purchas|snapped|\btak|took|picked|picks|absorbed|swallow|sold|sell|stake|\bbid\b|offer|"
                        r"buyout|deal|merged|folded",
                        re.I)


def acquisitions(state: State, text: str, source: Source, context: str | None) -> bool:
    found = False
    if not _DEAL_HINT.search(text):
        return found
    if context and _ASSETS_BOUGHT.search(text):  # "Its assets were bought out of administration by X": the company, bought
        text = _ASSETS_BOUGHT.sub(f"{context} was ", text)
    for pattern in (_ACQ_ACTIVE, _ACQ_PASSIVE, _ACQ_DESCRIBED, _ACQ_HEADLINE, _ACQ_DONE, _ACQ_NOUN, _ACQ_NOUN_BY, _ACQ_WHICH, _ACQ_SOLD, _ACQ_CARVE_OUT, _ACQ_STAKE,
                    _ACQ_BID, _ACQ_NTH, _ACQ_INTO):
        for m in pattern.finditer(text):
            acquirer, target = m.group("a"), re.sub(r"['’]s$", "", m.group("t") or m.groupdict().get("t2") or "")
            if acquirer.lower() in ("the company", "it", "its"):
                acquirer = context or ""
            if target.lower() in _THE_TARGET:  # "... stake in Kestrel Grid when Orbital Systems acquired the company"
                named = [n for n in _names_before(state, text[:m.start()]) if n != trim_name(state, acquirer)]
                target = named[-1] if named else context or ""  # the company the sentence before was about
            acquirer, target = owned_name(state, trim_name(state, acquirer)), owned_name(state, trim_name(state, target))
            if not acquirer or not target or acquirer == target or _PRODUCT.fullmatch(target.rstrip(".")):
                continue  # "a debt facility from X to buy H200s": GPUs bought, no company
            if m.group("t") and text.startswith("$", m.end("t")):
                continue  # "picked up S$18M in a Series A": a dollar's country ("S$", "A$", "US$"), no company bought
            if _SOME_ASSETS.match(text, m.end("t") if m.group("t") else m.end()) or _OWNED_ASSETS.search(m.group("t") or ""):
                continue  # "Oskarvale picked up Tamberline's cards at 63 cents on the dollar": hardware, not the company
            if m.re is _ACQ_INTO and acquirer not in state.names and "company" not in kinds_of(state, name_key(acquirer)):
                continue  # "was folded into Harrowdene Spot": into a product or a unit, unless a company the report has named
            rest = re.sub(r"^\W*\(([^()]*)\)", r" \1", text[m.end():])  # "Pinecrest Data** (March 2025) for $340M"
            # what the deal's sentences go on to say of it ("... for €600 million. The deal is pending ..."), and the
            # part of its own sentence its price and date are in (not "... ARR reached $31 million in June 2025.")
            said = re.split(r"[;]|,\s+(?=[A-Z])|\)", _TARGET_CLAUSE.sub("", rest))[0]
            tail = re.split(r"(?<=[a-z\d][.!?])\s+(?=[A-Z][a-z])", said)[0]
            # the price after the target, or inside the phrase: "announced a $2 billion acquisition of"
            # (not a price per share: "a tender offer ... at ¥3,150 per share, valuing the operator at about ¥52 billion")
            price = next((q for part in (tail, m.group(0)) for q in find_quantities(part) if q.currency and not q.per), None)
            told = _DEAL_TOLD.match(rest[len(said):])
            if price is None and told:  # "Being acquired by X; deal announced Oct 2025 at ~$310M": the deal's own clause
                tail = said = told.group("c")
                price = next((q for q in find_quantities(tail) if q.currency), None)
            verb = m.group("verb").lower()
            status = deal_status(verb) or _STATUS.get(verb, "announced")
            intent = m.groupdict().get("intent") or ""
            if intent:
                status = None
            elif m.groupdict().get("agreed"):  # "agreed to be acquired": announced, not yet done
                status = "announced"
            # a deal ended stays ended whatever the rest says it was ("walked away ..., months after the two announced")
            status = status if status == "terminated" else deal_status(said) or status
            if _ENDED.search(rest[len(said):]):  # "...; the two companies terminated the merger agreement"
                status = "terminated"
            add(state, Acquisition(source, acquirer, target, price, opening_date(text) or first_date(verb) or first_date(tail) or month_told(state, tail),
                                    status, qualifiers((m.group(0) if intent else "") + tail)),
                 ("company", acquirer), ("company", target))
            found = True
    for m in _MINOR_STAKE.finditer(text):  # "took a 20% stake in Ferro Labs": an investment in it
        investor, company = trim_name(state, m.group("a")), m.group("t")
        company = (context or state.previous or "") if company.lower() in _THE_TARGET else trim_name(state, company)
        if investor and company and investor != company:
            add(state, Backing(source, investor, company), ("investor", investor), ("company", company))
            found = True
    return found


_PAIR_LABEL = re.compile(rf"^(?P<a>{NAME})\s*(?:/|→|->|–|—)\s*(?P<t>{NAME})$")
_DEAL_WORDS = re.compile(r"\b(?:acquisition|acquired|acquires|acquire|buyout|takeover|purchase)\b", re.I)


def labelled_deal(state: State, label: str, text: str, source: Source) -> bool:
    """'**Veyra Cloud / Lumio Labs:** Announced acquisition in December 2025': the label names
    the acquirer and the target, the text says it is a deal."""
    m = _PAIR_LABEL.match(label.strip())
    # an arrow between the names says a deal by itself: "**Kestrel GPU → Fjord Racks**: announced"
    if not m or not (_DEAL_WORDS.search(text) or re.search(r"→|->", label) and deal_status(text)):
        return False
    acquirer, target = trim_name(state, m.group("a")), trim_name(state, m.group("t"))
    if not acquirer or not target or acquirer == target:
        return False
    price = next((q for q in find_quantities(text) if q.currency), None)
    add(state, Acquisition(source, acquirer, target, price, first_date(text), deal_status(text), qualifiers(text)),
        ("company", acquirer), ("company", target))
    return True


def _names_before(state: State, text: str) -> list[str]:
    """The names in ``text``, known or looking like organizations, left to right."""
    known = [form for form, _, _ in state.names.find(text)]
    return known or [n for n in (trim_name(state, m.group(0)) for m in re.finditer(NAME, text)) if n and looks_like_org(n)]


def deal_sequel(state: State, text: str, line: int) -> None:
    """'Harrowdene agreed to buy Ormsary Power ... After clearance, the purchase closed on April 2, 2024.': a later
    sentence of the paragraph (or of the item) tells how far the deal got."""
    m = _DEAL_SEQUEL.search(text)
    status = ("pending" if m.group("pending") else deal_status(m.group(0))) if m else None
    if not status:
        return
    for i in range(len(state.facts) - 1, -1, -1):
        fact = state.facts[i]
        if fact.source.line < line - 1:
            return
        if isinstance(fact, Acquisition):
            state.facts[i] = replace(fact, status=status)
            return


# "the purchase closed on ...", "the $210 million all-cash deal closed", "the companies terminated the agreement";
# "The deal is expected to close in Q1 2027": not closed yet
_DEAL_SEQUEL = re.compile(r"\b(?:the|this)\s+(?:[\w$.,-]+\s+){0,4}?(?:deal|purchase|acquisition|transaction|takeover)\s+"
                          r"(?:was\s+|has\s+|had\s+)?(?:closed|completed|terminated|called off|abandoned|"
                          r"(?P<pending>(?:is|remains)\s+(?:(?:expected|set|due|slated|scheduled)\s+to\s+close|"
                          r"subject\s+to|pending)))\b|"
                          r"\b(?:the\s+)?(?:companies|parties|two sides)\s+(?:later\s+)?(?:terminated|called off|abandoned)\b|"
                          # "the Commission prohibited the merger on 9 October 2024"
                          r"\b(?:prohibited|blocked)\s+the\s+(?:merger|deal|purchase|acquisition|transaction|takeover)\b", re.I)


# "Qimma Data Systems ... has formed Wahat AI Factories with AMD, a 51/49 joint venture", "Gyeongin Telecom and
# Microsoft agreed on 8 December to form Naraon AI Cloud, a 51/49 venture": a company its founders own together
_JOINT_VENTURE = re.compile(rf"(?P<a>{NAME})(?:,[^,]{{1,100}},)?(?:\s+and\s+(?P<b>{NAME}))?\s+(?:has\s+|have\s+)?"
                            r"(?:(?:agreed|plan|plans|are set|is set)\s+(?:(?:in|on)\s+[^,;]{1,25}?\s+)?to\s+(?:form|set up|create|launch)|"
                            r"formed|form|set up|created|launched)\s+"
                            rf"(?P<v>{NAME})(?:\s+with\s+(?P<c>{NAME}))?,\s+(?:an?|their|a\s+new)\s+(?:[\d/]+\s+)?(?:joint\s+)?venture\b")


def joint_venture(state: State, text: str, source: Source) -> bool:
    """A joint venture formed: each of its founders backs it."""
    m = _JOINT_VENTURE.search(text) if "venture" in text else None
    venture = trim_name(state, m.group("v")) if m else ""
    owners = [trim_name(state, n) for n in (m.group("a"), m.group("b"), m.group("c")) if n] if venture else []
    for owner in owners:
        if owner and owner != venture:
            add(state, Backing(source, owner, venture), ("investor", owner), ("company", venture))
    return bool(owners)

