"""States: the ISO 3166-1 table and its spellings, codes, keys and the ID prefix of a State."""

from __future__ import annotations

import functools
import re
import unicodedata

from .model import normalise


# ISO 3166-1 alpha-3 of the UN member and observer States; names after the
# code are the spellings met in UPR sources (first one shown).
_STATE_TABLE = """
AFG Afghanistan|ALB Albania|DZA Algeria|AND Andorra|AGO Angola|ATG Antigua and Barbuda
ARG Argentina|ARM Armenia|AUS Australia|AUT Austria|AZE Azerbaijan|BHS Bahamas
BHR Bahrain|BGD Bangladesh|BRB Barbados|BLR Belarus|BEL Belgium|BLZ Belize|BEN Benin|BTN Bhutan
BOL Bolivia;Bolivia (Plurinational State of);Plurinational State of Bolivia
BIH Bosnia and Herzegovina|BWA Botswana|BRA Brazil|BRN Brunei Darussalam;Brunei|BGR Bulgaria
BFA Burkina Faso|BDI Burundi|CPV Cabo Verde;Cape Verde|KHM Cambodia|CMR Cameroon|CAN Canada
CAF Central African Republic|TCD Chad|CHL Chile|CHN China|COL Colombia|COM Comoros
COG Congo;Republic of Congo;Republic of the Congo|CRI Costa Rica|CIV Côte d'Ivoire;Ivory Coast
HRV Croatia|CUB Cuba|CYP Cyprus|CZE Czechia;Czech Republic
PRK Democratic People's Republic of Korea;DPR Korea;North Korea;DPRK
COD Democratic Republic of the Congo;Democratic Republic of Congo;DR Congo;DRC
DNK Denmark|DJI Djibouti|DMA Dominica|DOM Dominican Republic|ECU Ecuador|EGY Egypt
SLV El Salvador|GNQ Equatorial Guinea|ERI Eritrea|EST Estonia|SWZ Eswatini;Swaziland
ETH Ethiopia|FJI Fiji|FIN Finland|FRA France|GAB Gabon|GMB Gambia|GEO Georgia
DEU Germany|GHA Ghana|GRC Greece|GRD Grenada|GTM Guatemala|GIN Guinea|GNB Guinea-Bissau
GUY Guyana|HTI Haiti|HND Honduras|HUN Hungary|ISL Iceland|IND India|IDN Indonesia
IRN Iran (Islamic Republic of);Iran;Islamic Republic of Iran|IRQ Iraq|IRL Ireland|ISR Israel
ITA Italy|JAM Jamaica|JPN Japan|JOR Jordan|KAZ Kazakhstan|KEN Kenya|KIR Kiribati|KWT Kuwait
KGZ Kyrgyzstan;Kyrgyz Republic|LAO Lao People's Democratic Republic;Laos;Lao PDR|LVA Latvia
LBN Lebanon|LSO Lesotho|LBR Liberia|LBY Libya;Libyan Arab Jamahiriya|LIE Liechtenstein
LTU Lithuania|LUX Luxembourg|MDG Madagascar|MWI Malawi|MYS Malaysia|MDV Maldives|MLI Mali
MLT Malta|MHL Marshall Islands|MRT Mauritania|MUS Mauritius|MEX Mexico
FSM Micronesia (Federated States of);Micronesia;Federated States of Micronesia|MCO Monaco
MNG Mongolia|MNE Montenegro|MAR Morocco|MOZ Mozambique|MMR Myanmar|NAM Namibia|NRU Nauru
NPL Nepal|NLD Netherlands;Kingdom of the Netherlands|NZL New Zealand|NIC Nicaragua|NER Niger
NGA Nigeria|MKD North Macedonia;Macedonia;Macedonia FYR;former Yugoslav Republic of Macedonia
NOR Norway|OMN Oman|PAK Pakistan|PLW Palau|PAN Panama|PNG Papua New Guinea|PRY Paraguay|PER Peru
PHL Philippines|POL Poland|PRT Portugal|QAT Qatar|KOR Republic of Korea;South Korea
MDA Republic of Moldova;Moldova|ROU Romania|RUS Russian Federation;Russia|RWA Rwanda
KNA Saint Kitts and Nevis|LCA Saint Lucia|VCT Saint Vincent and the Grenadines|WSM Samoa
SMR San Marino|STP Sao Tome and Principe|SAU Saudi Arabia|SEN Senegal|SRB Serbia|SYC Seychelles
SLE Sierra Leone|SGP Singapore|SVK Slovakia;Slovak Republic|SVN Slovenia|SLB Solomon Islands
SOM Somalia|ZAF South Africa|SSD South Sudan|ESP Spain|LKA Sri Lanka|SDN Sudan|SUR Suriname
SWE Sweden|CHE Switzerland|SYR Syrian Arab Republic;Syria|TJK Tajikistan|THA Thailand
TLS Timor-Leste;East Timor|TGO Togo|TON Tonga|TTO Trinidad and Tobago|TUN Tunisia
TUR Türkiye;Turkey|TKM Turkmenistan|TUV Tuvalu|UGA Uganda|UKR Ukraine|ARE United Arab Emirates
GBR United Kingdom of Great Britain and Northern Ireland;United Kingdom;UK;Great Britain
TZA United Republic of Tanzania;Tanzania|USA United States of America;United States;US
URY Uruguay|UZB Uzbekistan|VUT Vanuatu
VEN Venezuela (Bolivarian Republic of);Venezuela;Bolivarian Republic of Venezuela
VNM Viet Nam;Vietnam|YEM Yemen|ZMB Zambia|ZWE Zimbabwe|VAT Holy See|PSE State of Palestine;Palestine
"""


@functools.lru_cache(maxsize=1 << 14)
def _compact(name: str) -> str:
    """Letters and digits only, '&' read as 'and', 'St' as 'Saint', no leading 'The'."""
    words = normalise(str(name).replace("&", " and ")).replace("'", "").split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[0] == "st":
        words[0] = "saint"
    return "".join(words)


def _load_states() -> tuple[dict[str, str], dict[str, str]]:
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in re.split(r"[|\n]", _STATE_TABLE):
        if not entry.strip():
            continue
        code, spellings = entry.strip().split(" ", 1)
        spellings = spellings.split(";")
        names[code] = spellings[0]
        for spelling in spellings:
            codes[_compact(spelling)] = code
    return codes, names


_STATE_CODES, _STATE_NAMES = _load_states()


def state_code(name: str) -> str | None:
    """ISO alpha-3 of a State name in any usual spelling (or of the code itself), or None."""
    if not name:
        return None
    # Codes only in capitals: "and", "can" or "are" in a text are not States.
    return name.strip() if name.strip() in _STATE_NAMES else _STATE_CODES.get(_compact(name))


def state_key(name: str) -> str:
    """What two spellings of one State have in common."""
    return state_code(name) or _compact(name)


def _state_display(name: str) -> str:
    # "unitedstatesofamerica" (a real export quirk) becomes the State's name.
    if name and name == name.lower() and " " not in name.strip():
        code = state_code(name)
        if code:
            return _STATE_NAMES[code]
        return name.strip().title()
    return name.strip()


def _id_prefix(state: str) -> str:
    code = state_code(state)
    if code:
        return code
    letters = re.sub(r"[^A-Za-z]", "", unicodedata.normalize("NFKD", state))
    return letters[:3].upper() or "REC"
