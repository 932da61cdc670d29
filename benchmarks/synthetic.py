"""Deterministic synthetic English news articles for benchmarks and scale tests.

Real news corpora cannot be shipped with the project, change over time and are
slow to fetch, so timings and extraction counts measured on them are hard to
reproduce.  This module writes as many news-style articles as needed from
templates instead: the same ``(seed, index)`` gives the same bytes on every
machine, article ``i`` does not depend on how many articles are asked for, and
10,000 articles take a few seconds.  The text uses real leaders, countries,
cities and organisations in the sentence shapes the graph builder must handle
(direct and reported speech, denials, accusations, meetings, visits, passive
voice, trade figures, aid, sanctions, attacks, titles, appositions, demonyms,
metonyms), and about 30% of articles carry web-scraping noise.  Every event,
figure and quote in the output is invented.
"""
from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["SyntheticArticle", "generate_article", "generate_articles", "write_corpus", "NOISE_RATE"]

#: share of articles that get scraping noise (share buttons, bylines, comments, ...)
NOISE_RATE = 0.30
#: inclusive bounds on ``len(article.text.split())``
MIN_WORDS, MAX_WORDS = 300, 900
_BODY_MAX = 865  # the body stops here so noise always has some room below MAX_WORDS

_FIRST_DAY = _dt.date(2023, 1, 1)
_N_DAYS = (_dt.date(2025, 12, 31) - _FIRST_DAY).days + 1
# locale-independent names (strftime("%B") depends on the machine's locale)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article.

    Attributes
    ----------
    id : str
        Stable identifier, ``"synthetic-<seed>-<index>"``.
    title : str
        Headline (never repeated in ``text`` unless noise repeats it).
    text : str
        Body, paragraphs separated by blank lines, possibly with noise lines.
    url : str
        Made-up URL on a reserved ``.example`` domain.
    date : datetime.date
        Publication date between 2023-01-01 and 2025-12-31.
    """

    id: str
    title: str
    text: str
    url: str
    date: _dt.date


# --------------------------------------------------------------------------- data
# Countries: ISO 3166 alpha-2 key, name as used mid-sentence, capital, demonym
# (adjective), other metonyms for the government, venue for talks in the capital.
_COUNTRY_ROWS = (
    ("US", "the United States", "Washington", "US", ("the White House",), "the White House"),
    ("CN", "China", "Beijing", "Chinese", (), "the Great Hall of the People"),
    ("RU", "Russia", "Moscow", "Russian", ("the Kremlin",), "the Kremlin"),
    ("UA", "Ukraine", "Kyiv", "Ukrainian", (), "the Mariinskyi Palace"),
    ("GB", "Britain", "London", "British", ("Downing Street",), "Downing Street"),
    ("FR", "France", "Paris", "French", ("the Élysée",), "the Élysée Palace"),
    ("DE", "Germany", "Berlin", "German", (), "the Chancellery"),
    ("IT", "Italy", "Rome", "Italian", (), "Palazzo Chigi"),
    ("ES", "Spain", "Madrid", "Spanish", (), "the Moncloa Palace"),
    ("JP", "Japan", "Tokyo", "Japanese", (), "the prime minister's office"),
    ("KR", "South Korea", "Seoul", "South Korean", (), "the presidential office"),
    ("KP", "North Korea", "Pyongyang", "North Korean", (), "the Kumsusan Palace"),
    ("IN", "India", "New Delhi", "Indian", (), "Hyderabad House"),
    ("PK", "Pakistan", "Islamabad", "Pakistani", (), "the prime minister's house"),
    ("BD", "Bangladesh", "Dhaka", "Bangladeshi", (), "the state guest house"),
    ("BR", "Brazil", "Brasília", "Brazilian", (), "the Planalto Palace"),
    ("AR", "Argentina", "Buenos Aires", "Argentine", ("the Casa Rosada",), "the Casa Rosada"),
    ("MX", "Mexico", "Mexico City", "Mexican", (), "the National Palace"),
    ("CA", "Canada", "Ottawa", "Canadian", (), "Parliament Hill"),
    ("AU", "Australia", "Canberra", "Australian", (), "Parliament House"),
    ("NZ", "New Zealand", "Wellington", "New Zealand", (), "Parliament House"),
    ("TR", "Turkey", "Ankara", "Turkish", (), "the presidential complex"),
    ("IR", "Iran", "Tehran", "Iranian", (), "the presidential palace"),
    ("IQ", "Iraq", "Baghdad", "Iraqi", (), "the government palace"),
    ("IL", "Israel", "Jerusalem", "Israeli", (), "the prime minister's office"),
    ("SA", "Saudi Arabia", "Riyadh", "Saudi", (), "Al-Yamamah Palace"),
    ("AE", "the United Arab Emirates", "Abu Dhabi", "Emirati", (), "Qasr Al Watan"),
    ("QA", "Qatar", "Doha", "Qatari", (), "the Amiri Diwan"),
    ("JO", "Jordan", "Amman", "Jordanian", (), "the Royal Palace"),
    ("EG", "Egypt", "Cairo", "Egyptian", (), "the Ittihadiya Palace"),
    ("ZA", "South Africa", "Pretoria", "South African", (), "the Union Buildings"),
    ("NG", "Nigeria", "Abuja", "Nigerian", (), "the presidential villa"),
    ("KE", "Kenya", "Nairobi", "Kenyan", (), "State House"),
    ("ET", "Ethiopia", "Addis Ababa", "Ethiopian", (), "the National Palace"),
    ("ID", "Indonesia", "Jakarta", "Indonesian", (), "the Merdeka Palace"),
    ("VN", "Vietnam", "Hanoi", "Vietnamese", (), "the Presidential Palace"),
    ("PH", "the Philippines", "Manila", "Philippine", ("Malacañang",), "Malacañang Palace"),
    ("TH", "Thailand", "Bangkok", "Thai", (), "Government House"),
    ("MY", "Malaysia", "Kuala Lumpur", "Malaysian", ("Putrajaya",), "the Perdana Putra"),
    ("SG", "Singapore", "Singapore", "Singaporean", (), "the Istana"),
    ("PL", "Poland", "Warsaw", "Polish", (), "the Presidential Palace"),
    ("HU", "Hungary", "Budapest", "Hungarian", (), "the Carmelite Monastery"),
    ("NL", "the Netherlands", "Amsterdam", "Dutch", ("The Hague",), "the Catshuis"),
    ("SE", "Sweden", "Stockholm", "Swedish", (), "Rosenbad"),
    ("FI", "Finland", "Helsinki", "Finnish", (), "the Presidential Palace"),
    ("NO", "Norway", "Oslo", "Norwegian", (), "the government quarter"),
    ("GR", "Greece", "Athens", "Greek", (), "the Maximos Mansion"),
    ("RS", "Serbia", "Belgrade", "Serbian", (), "the Palace of Serbia"),
    ("BY", "Belarus", "Minsk", "Belarusian", (), "the Palace of Independence"),
    ("KZ", "Kazakhstan", "Astana", "Kazakh", ("Akorda",), "the Akorda"),
    ("VE", "Venezuela", "Caracas", "Venezuelan", (), "the Miraflores Palace"),
    ("CO", "Colombia", "Bogotá", "Colombian", (), "the Casa de Nariño"),
    ("CL", "Chile", "Santiago", "Chilean", (), "La Moneda"),
    ("AZ", "Azerbaijan", "Baku", "Azerbaijani", (), "the presidential palace"),
    ("AM", "Armenia", "Yerevan", "Armenian", (), "the government building"),
    ("MA", "Morocco", "Rabat", "Moroccan", (), "the Royal Palace"),
    ("DZ", "Algeria", "Algiers", "Algerian", (), "El Mouradia Palace"),
    ("GH", "Ghana", "Accra", "Ghanaian", (), "Jubilee House"),
    ("PE", "Peru", "Lima", "Peruvian", (), "the Government Palace"),
    ("CH", "Switzerland", "Bern", "Swiss", (), "the Federal Palace"),
    ("AT", "Austria", "Vienna", "Austrian", (), "the Hofburg"),
    ("PT", "Portugal", "Lisbon", "Portuguese", (), "the São Bento Mansion"),
    ("BE", "Belgium", "Brussels", "Belgian", (), "the Egmont Palace"),
)

# Cities other than capitals (capitals are added automatically).
_CITY_ROWS = (
    ("Shanghai", "CN"), ("Shenzhen", "CN"), ("Guangzhou", "CN"), ("Xi'an", "CN"),
    ("St Petersburg", "RU"), ("Vladivostok", "RU"), ("Sochi", "RU"), ("Kazan", "RU"),
    ("Kharkiv", "UA"), ("Odesa", "UA"), ("Lviv", "UA"), ("Dnipro", "UA"), ("Zaporizhzhia", "UA"),
    ("Manchester", "GB"), ("Edinburgh", "GB"), ("Marseille", "FR"), ("Lyon", "FR"),
    ("Munich", "DE"), ("Hamburg", "DE"), ("Frankfurt", "DE"), ("Milan", "IT"), ("Naples", "IT"),
    ("Barcelona", "ES"), ("Valencia", "ES"), ("Osaka", "JP"), ("Hiroshima", "JP"), ("Busan", "KR"),
    ("Mumbai", "IN"), ("Bengaluru", "IN"), ("Chennai", "IN"), ("Karachi", "PK"), ("Lahore", "PK"),
    ("Chittagong", "BD"), ("São Paulo", "BR"), ("Rio de Janeiro", "BR"), ("Córdoba", "AR"),
    ("Monterrey", "MX"), ("Guadalajara", "MX"), ("New York", "US"), ("Los Angeles", "US"),
    ("Chicago", "US"), ("San Francisco", "US"), ("Toronto", "CA"), ("Vancouver", "CA"),
    ("Sydney", "AU"), ("Melbourne", "AU"), ("Auckland", "NZ"), ("Istanbul", "TR"), ("Izmir", "TR"),
    ("Isfahan", "IR"), ("Basra", "IQ"), ("Erbil", "IQ"), ("Tel Aviv", "IL"), ("Haifa", "IL"),
    ("Jeddah", "SA"), ("Dubai", "AE"), ("Alexandria", "EG"), ("Johannesburg", "ZA"),
    ("Cape Town", "ZA"), ("Durban", "ZA"), ("Lagos", "NG"), ("Kano", "NG"), ("Mombasa", "KE"),
    ("Surabaya", "ID"), ("Ho Chi Minh City", "VN"), ("Da Nang", "VN"), ("Cebu", "PH"),
    ("Chiang Mai", "TH"), ("Penang", "MY"), ("Gdańsk", "PL"), ("Kraków", "PL"), ("Debrecen", "HU"),
    ("Rotterdam", "NL"), ("Gothenburg", "SE"), ("Bergen", "NO"), ("Thessaloniki", "GR"),
    ("Novi Sad", "RS"), ("Almaty", "KZ"), ("Maracaibo", "VE"), ("Medellín", "CO"),
    ("Valparaíso", "CL"), ("Casablanca", "MA"), ("Oran", "DZ"), ("Kumasi", "GH"),
    ("Geneva", "CH"), ("Davos", "CH"), ("Zurich", "CH"), ("Porto", "PT"), ("Antwerp", "BE"),
)
# Host cities for summits and talks away from either side's capital.
_NEUTRAL_CITIES = ("Geneva", "Vienna", "Davos", "Doha", "Istanbul", "New York", "Brussels",
                   "Singapore", "Abu Dhabi", "Riyadh", "Jakarta", "Rio de Janeiro", "Johannesburg",
                   "Astana", "Helsinki", "Osaka")

# People: name, short name, title, role (lowercase, for "China's foreign minister"),
# country key or organisation key, gender, first and last month in office as
# YYYYMM (clipped to 2023-2025; a successor starts the month after),
# kind (L leader, M minister, S spokesperson, O head of an organisation),
# whether a demonym may precede the title ("Chinese President Xi Jinping").
_PEOPLE_ROWS = (
    ("Joe Biden", "Biden", "President", "president", "US", "m", 202301, 202412, "L", True),
    ("Donald Trump", "Trump", "President", "president", "US", "m", 202501, 202512, "L", True),
    ("Kamala Harris", "Harris", "Vice President", "vice president", "US", "f", 202301, 202412, "M", True),
    ("Antony Blinken", "Blinken", "Secretary of State", "secretary of state", "US", "m", 202301, 202412, "M", True),
    ("Marco Rubio", "Rubio", "Secretary of State", "secretary of state", "US", "m", 202501, 202512, "M", True),
    ("Jake Sullivan", "Sullivan", "National Security Adviser", "national security adviser", "US", "m", 202301, 202412, "M", True),
    ("Matthew Miller", "Miller", "State Department spokesman", "State Department spokesman", "US", "m", 202301, 202412, "S", False),
    ("Xi Jinping", "Xi", "President", "president", "CN", "m", 202301, 202512, "L", True),
    ("Li Qiang", "Li", "Premier", "premier", "CN", "m", 202301, 202512, "L", True),
    ("Wang Yi", "Wang", "Foreign Minister", "foreign minister", "CN", "m", 202301, 202512, "M", True),
    ("Mao Ning", "Mao", "Foreign Ministry spokeswoman", "foreign ministry spokeswoman", "CN", "f", 202301, 202512, "S", True),
    ("Lin Jian", "Lin", "Foreign Ministry spokesman", "foreign ministry spokesman", "CN", "m", 202401, 202512, "S", True),
    ("Vladimir Putin", "Putin", "President", "president", "RU", "m", 202301, 202512, "L", True),
    ("Mikhail Mishustin", "Mishustin", "Prime Minister", "prime minister", "RU", "m", 202301, 202512, "L", True),
    ("Sergei Lavrov", "Lavrov", "Foreign Minister", "foreign minister", "RU", "m", 202301, 202512, "M", True),
    ("Dmitry Peskov", "Peskov", "Kremlin spokesman", "Kremlin spokesman", "RU", "m", 202301, 202512, "S", False),
    ("Maria Zakharova", "Zakharova", "Foreign Ministry spokeswoman", "foreign ministry spokeswoman", "RU", "f", 202301, 202512, "S", True),
    ("Volodymyr Zelensky", "Zelensky", "President", "president", "UA", "m", 202301, 202512, "L", True),
    ("Denys Shmyhal", "Shmyhal", "Prime Minister", "prime minister", "UA", "m", 202301, 202507, "L", True),
    ("Dmytro Kuleba", "Kuleba", "Foreign Minister", "foreign minister", "UA", "m", 202301, 202408, "M", True),
    ("Andrii Sybiha", "Sybiha", "Foreign Minister", "foreign minister", "UA", "m", 202409, 202512, "M", True),
    ("Rishi Sunak", "Sunak", "Prime Minister", "prime minister", "GB", "m", 202301, 202406, "L", True),
    ("Keir Starmer", "Starmer", "Prime Minister", "prime minister", "GB", "m", 202407, 202512, "L", True),
    ("James Cleverly", "Cleverly", "Foreign Secretary", "foreign secretary", "GB", "m", 202301, 202310, "M", True),
    ("David Cameron", "Cameron", "Foreign Secretary", "foreign secretary", "GB", "m", 202311, 202406, "M", True),
    ("David Lammy", "Lammy", "Foreign Secretary", "foreign secretary", "GB", "m", 202407, 202508, "M", True),
    ("Emmanuel Macron", "Macron", "President", "president", "FR", "m", 202301, 202512, "L", True),
    ("Catherine Colonna", "Colonna", "Foreign Minister", "foreign minister", "FR", "f", 202301, 202312, "M", True),
    ("Stéphane Séjourné", "Séjourné", "Foreign Minister", "foreign minister", "FR", "m", 202401, 202408, "M", True),
    ("Jean-Noël Barrot", "Barrot", "Foreign Minister", "foreign minister", "FR", "m", 202409, 202512, "M", True),
    ("Olaf Scholz", "Scholz", "Chancellor", "chancellor", "DE", "m", 202301, 202504, "L", True),
    ("Friedrich Merz", "Merz", "Chancellor", "chancellor", "DE", "m", 202505, 202512, "L", True),
    ("Annalena Baerbock", "Baerbock", "Foreign Minister", "foreign minister", "DE", "f", 202301, 202504, "M", True),
    ("Giorgia Meloni", "Meloni", "Prime Minister", "prime minister", "IT", "f", 202301, 202512, "L", True),
    ("Antonio Tajani", "Tajani", "Foreign Minister", "foreign minister", "IT", "m", 202301, 202512, "M", True),
    ("Pedro Sánchez", "Sánchez", "Prime Minister", "prime minister", "ES", "m", 202301, 202512, "L", True),
    ("José Manuel Albares", "Albares", "Foreign Minister", "foreign minister", "ES", "m", 202301, 202512, "M", True),
    ("Fumio Kishida", "Kishida", "Prime Minister", "prime minister", "JP", "m", 202301, 202409, "L", True),
    ("Shigeru Ishiba", "Ishiba", "Prime Minister", "prime minister", "JP", "m", 202410, 202512, "L", True),
    ("Yoko Kamikawa", "Kamikawa", "Foreign Minister", "foreign minister", "JP", "f", 202301, 202409, "M", True),
    ("Takeshi Iwaya", "Iwaya", "Foreign Minister", "foreign minister", "JP", "m", 202410, 202510, "M", True),
    ("Yoon Suk Yeol", "Yoon", "President", "president", "KR", "m", 202301, 202503, "L", True),
    ("Lee Jae-myung", "Lee", "President", "president", "KR", "m", 202506, 202512, "L", True),
    ("Cho Tae-yul", "Cho", "Foreign Minister", "foreign minister", "KR", "m", 202404, 202506, "M", True),
    ("Kim Jong Un", "Kim", "North Korean leader", "leader", "KP", "m", 202301, 202512, "L", False),
    ("Narendra Modi", "Modi", "Prime Minister", "prime minister", "IN", "m", 202301, 202512, "L", True),
    ("Subrahmanyam Jaishankar", "Jaishankar", "External Affairs Minister", "external affairs minister", "IN", "m", 202301, 202512, "M", True),
    ("Shehbaz Sharif", "Sharif", "Prime Minister", "prime minister", "PK", "m", 202301, 202512, "L", True),
    ("Ishaq Dar", "Dar", "Foreign Minister", "foreign minister", "PK", "m", 202403, 202512, "M", True),
    ("Muhammad Yunus", "Yunus", "Chief Adviser", "interim leader", "BD", "m", 202408, 202512, "L", False),
    ("Luiz Inácio Lula da Silva", "Lula", "President", "president", "BR", "m", 202301, 202512, "L", True),
    ("Mauro Vieira", "Vieira", "Foreign Minister", "foreign minister", "BR", "m", 202301, 202512, "M", True),
    ("Javier Milei", "Milei", "President", "president", "AR", "m", 202312, 202512, "L", True),
    ("Andrés Manuel López Obrador", "López Obrador", "President", "president", "MX", "m", 202301, 202409, "L", True),
    ("Claudia Sheinbaum", "Sheinbaum", "President", "president", "MX", "f", 202410, 202512, "L", True),
    ("Justin Trudeau", "Trudeau", "Prime Minister", "prime minister", "CA", "m", 202301, 202502, "L", True),
    ("Mark Carney", "Carney", "Prime Minister", "prime minister", "CA", "m", 202503, 202512, "L", True),
    ("Mélanie Joly", "Joly", "Foreign Minister", "foreign minister", "CA", "f", 202301, 202504, "M", True),
    ("Anthony Albanese", "Albanese", "Prime Minister", "prime minister", "AU", "m", 202301, 202512, "L", True),
    ("Penny Wong", "Wong", "Foreign Minister", "foreign minister", "AU", "f", 202301, 202512, "M", True),
    ("Christopher Luxon", "Luxon", "Prime Minister", "prime minister", "NZ", "m", 202311, 202512, "L", True),
    ("Recep Tayyip Erdoğan", "Erdoğan", "President", "president", "TR", "m", 202301, 202512, "L", True),
    ("Hakan Fidan", "Fidan", "Foreign Minister", "foreign minister", "TR", "m", 202301, 202512, "M", True),
    ("Ebrahim Raisi", "Raisi", "President", "president", "IR", "m", 202301, 202404, "L", True),
    ("Masoud Pezeshkian", "Pezeshkian", "President", "president", "IR", "m", 202407, 202512, "L", True),
    ("Abbas Araghchi", "Araghchi", "Foreign Minister", "foreign minister", "IR", "m", 202408, 202512, "M", True),
    ("Mohammed Shia al-Sudani", "Sudani", "Prime Minister", "prime minister", "IQ", "m", 202301, 202512, "L", True),
    ("Benjamin Netanyahu", "Netanyahu", "Prime Minister", "prime minister", "IL", "m", 202301, 202512, "L", True),
    ("Isaac Herzog", "Herzog", "President", "president", "IL", "m", 202301, 202512, "L", True),
    ("Mohammed bin Salman", "Prince Mohammed", "Crown Prince", "crown prince", "SA", "m", 202301, 202512, "L", True),
    ("Faisal bin Farhan", "Prince Faisal", "Foreign Minister", "foreign minister", "SA", "m", 202301, 202512, "M", True),
    ("Mohamed bin Zayed Al Nahyan", "Sheikh Mohamed", "President", "president", "AE", "m", 202301, 202512, "L", True),
    ("Tamim bin Hamad Al Thani", "Sheikh Tamim", "Emir", "emir", "QA", "m", 202301, 202512, "L", True),
    ("Abdullah II", "King Abdullah", "King", "king", "JO", "m", 202301, 202512, "L", True),
    ("Abdel Fattah al-Sisi", "Sisi", "President", "president", "EG", "m", 202301, 202512, "L", True),
    ("Cyril Ramaphosa", "Ramaphosa", "President", "president", "ZA", "m", 202301, 202512, "L", True),
    ("Bola Tinubu", "Tinubu", "President", "president", "NG", "m", 202301, 202512, "L", True),
    ("William Ruto", "Ruto", "President", "president", "KE", "m", 202301, 202512, "L", True),
    ("Abiy Ahmed", "Abiy", "Prime Minister", "prime minister", "ET", "m", 202301, 202512, "L", True),
    ("Joko Widodo", "Widodo", "President", "president", "ID", "m", 202301, 202409, "L", True),
    ("Prabowo Subianto", "Prabowo", "President", "president", "ID", "m", 202410, 202512, "L", True),
    ("Retno Marsudi", "Marsudi", "Foreign Minister", "foreign minister", "ID", "f", 202301, 202409, "M", True),
    ("Pham Minh Chinh", "Chinh", "Prime Minister", "prime minister", "VN", "m", 202301, 202512, "L", True),
    ("Ferdinand Marcos Jr", "Marcos", "President", "president", "PH", "m", 202301, 202512, "L", True),
    ("Anwar Ibrahim", "Anwar", "Prime Minister", "prime minister", "MY", "m", 202301, 202512, "L", True),
    ("Lee Hsien Loong", "Lee", "Prime Minister", "prime minister", "SG", "m", 202301, 202404, "L", True),
    ("Lawrence Wong", "Wong", "Prime Minister", "prime minister", "SG", "m", 202405, 202512, "L", True),
    ("Andrzej Duda", "Duda", "President", "president", "PL", "m", 202301, 202507, "L", True),
    ("Donald Tusk", "Tusk", "Prime Minister", "prime minister", "PL", "m", 202312, 202512, "L", True),
    ("Radosław Sikorski", "Sikorski", "Foreign Minister", "foreign minister", "PL", "m", 202312, 202512, "M", True),
    ("Viktor Orbán", "Orbán", "Prime Minister", "prime minister", "HU", "m", 202301, 202512, "L", True),
    ("Péter Szijjártó", "Szijjártó", "Foreign Minister", "foreign minister", "HU", "m", 202301, 202512, "M", True),
    ("Mark Rutte", "Rutte", "Prime Minister", "prime minister", "NL", "m", 202301, 202406, "L", True),
    ("Dick Schoof", "Schoof", "Prime Minister", "prime minister", "NL", "m", 202407, 202512, "L", True),
    ("Ulf Kristersson", "Kristersson", "Prime Minister", "prime minister", "SE", "m", 202301, 202512, "L", True),
    ("Alexander Stubb", "Stubb", "President", "president", "FI", "m", 202403, 202512, "L", True),
    ("Sauli Niinistö", "Niinistö", "President", "president", "FI", "m", 202301, 202402, "L", True),
    ("Jonas Gahr Støre", "Støre", "Prime Minister", "prime minister", "NO", "m", 202301, 202512, "L", True),
    ("Kyriakos Mitsotakis", "Mitsotakis", "Prime Minister", "prime minister", "GR", "m", 202301, 202512, "L", True),
    ("Aleksandar Vučić", "Vučić", "President", "president", "RS", "m", 202301, 202512, "L", True),
    ("Alexander Lukashenko", "Lukashenko", "President", "president", "BY", "m", 202301, 202512, "L", True),
    ("Kassym-Jomart Tokayev", "Tokayev", "President", "president", "KZ", "m", 202301, 202512, "L", True),
    ("Nicolás Maduro", "Maduro", "President", "president", "VE", "m", 202301, 202512, "L", True),
    ("Gustavo Petro", "Petro", "President", "president", "CO", "m", 202301, 202512, "L", True),
    ("Gabriel Boric", "Boric", "President", "president", "CL", "m", 202301, 202512, "L", True),
    ("Ilham Aliyev", "Aliyev", "President", "president", "AZ", "m", 202301, 202512, "L", True),
    ("Nikol Pashinyan", "Pashinyan", "Prime Minister", "prime minister", "AM", "m", 202301, 202512, "L", True),
    ("Antonio Guterres", "Guterres", "UN Secretary-General", "secretary-general of the United Nations", "UN", "m", 202301, 202512, "O", False),
    ("Jens Stoltenberg", "Stoltenberg", "NATO Secretary-General", "secretary-general of NATO", "NATO", "m", 202301, 202409, "O", False),
    ("Mark Rutte", "Rutte", "NATO Secretary-General", "secretary-general of NATO", "NATO", "m", 202410, 202512, "O", False),
    ("Ursula von der Leyen", "von der Leyen", "European Commission President", "president of the European Commission", "EU", "f", 202301, 202512, "O", False),
    ("Josep Borrell", "Borrell", "EU foreign policy chief", "the EU's foreign policy chief", "EU", "m", 202301, 202411, "O", False),
    ("Kaja Kallas", "Kallas", "EU foreign policy chief", "the EU's foreign policy chief", "EU", "f", 202412, 202512, "O", False),
    ("Kristalina Georgieva", "Georgieva", "IMF Managing Director", "managing director of the International Monetary Fund", "IMF", "f", 202301, 202512, "O", False),
    ("Ngozi Okonjo-Iweala", "Okonjo-Iweala", "WTO Director-General", "director-general of the World Trade Organization", "WTO", "f", 202301, 202512, "O", False),
    ("Tedros Adhanom Ghebreyesus", "Tedros", "WHO Director-General", "director-general of the World Health Organization", "WHO", "m", 202301, 202512, "O", False),
    ("Rafael Grossi", "Grossi", "IAEA Director-General", "head of the International Atomic Energy Agency", "IAEA", "m", 202301, 202512, "O", False),
)

# Organisations: key, full name as used mid-sentence, short form, acronym for
# "(NATO)" after the full name (or ""), kind.
_ORG_ROWS = (
    ("UN", "the United Nations", "the UN", "UN", "igo"),
    ("UNSC", "the UN Security Council", "the Security Council", "", "igo"),
    ("NATO", "the North Atlantic Treaty Organization", "NATO", "NATO", "igo"),
    ("EU", "the European Union", "the EU", "EU", "igo"),
    ("IMF", "the International Monetary Fund", "the IMF", "IMF", "econ"),
    ("WB", "the World Bank", "the World Bank", "", "econ"),
    ("WTO", "the World Trade Organization", "the WTO", "WTO", "econ"),
    ("OECD", "the Organisation for Economic Co-operation and Development", "the OECD", "OECD", "econ"),
    ("WHO", "the World Health Organization", "the WHO", "WHO", "aid"),
    ("WFP", "the World Food Programme", "the WFP", "WFP", "aid"),
    ("UNHCR", "the UN refugee agency", "UNHCR", "UNHCR", "aid"),
    ("UNICEF", "the UN children's agency", "UNICEF", "UNICEF", "aid"),
    ("ICRC", "the International Committee of the Red Cross", "the ICRC", "ICRC", "aid"),
    ("IAEA", "the International Atomic Energy Agency", "the IAEA", "IAEA", "igo"),
    ("ASEAN", "the Association of Southeast Asian Nations", "ASEAN", "ASEAN", "igo"),
    ("AU", "the African Union", "the AU", "AU", "igo"),
    ("OPEC", "the Organization of the Petroleum Exporting Countries", "OPEC", "OPEC", "igo"),
    ("G20", "the Group of 20", "the G20", "G20", "igo"),
    ("G7", "the Group of Seven", "the G7", "G7", "igo"),
    ("BRICS", "the BRICS group", "BRICS", "", "igo"),
    ("SCO", "the Shanghai Cooperation Organisation", "the SCO", "SCO", "igo"),
    ("OSCE", "the Organization for Security and Co-operation in Europe", "the OSCE", "OSCE", "igo"),
)
_AGENCIES = ("Reuters", "the Associated Press", "Agence France-Presse", "AFP", "Xinhua", "the state news agency TASS",
             "Kyodo News", "Yonhap", "the Anadolu news agency", "the Press Trust of India", "Bloomberg", "the BBC",
             "Al Jazeera", "the Financial Times", "Interfax")
_UNIVERSITIES = ("Harvard University", "the University of Oxford", "Peking University", "Tsinghua University",
                 "the London School of Economics", "Sciences Po", "Moscow State University", "the University of Tokyo",
                 "Jawaharlal Nehru University", "the University of Cape Town", "the National University of Singapore",
                 "Georgetown University", "Johns Hopkins University", "King's College London", "the University of Melbourne",
                 "Seoul National University", "the Free University of Berlin", "the American University in Cairo")
_THINK_TANKS = ("Chatham House", "the Brookings Institution", "the Carnegie Endowment for International Peace",
                "the International Institute for Strategic Studies", "the Stockholm International Peace Research Institute",
                "the Council on Foreign Relations", "the Centre for European Reform", "the Lowy Institute",
                "the Observer Research Foundation", "the Center for Strategic and International Studies")
_BANKS = ("Capital Economics", "Oxford Economics", "HSBC", "Nomura", "ING", "Goldman Sachs", "BNP Paribas", "Standard Chartered")
# Companies: name, description for an apposition, home country.
_COMPANY_ROWS = (
    ("Huawei", "the Chinese telecoms equipment maker", "CN"), ("BYD", "the Chinese electric carmaker", "CN"),
    ("Gazprom", "the Russian state gas company", "RU"), ("Rosneft", "the Russian oil producer", "RU"),
    ("Siemens", "the German engineering group", "DE"), ("Volkswagen", "the German carmaker", "DE"),
    ("Rheinmetall", "the German arms maker", "DE"), ("Toyota", "the Japanese carmaker", "JP"),
    ("Mitsubishi Heavy Industries", "the Japanese industrial group", "JP"),
    ("Samsung Electronics", "the South Korean electronics giant", "KR"), ("Hyundai", "the South Korean carmaker", "KR"),
    ("Boeing", "the US planemaker", "US"), ("Lockheed Martin", "the US defence contractor", "US"),
    ("ExxonMobil", "the US oil major", "US"), ("Airbus", "the European planemaker", "FR"),
    ("TotalEnergies", "the French energy group", "FR"), ("BP", "the British oil company", "GB"),
    ("Saudi Aramco", "the Saudi state oil company", "SA"), ("Tata Group", "the Indian conglomerate", "IN"),
    ("Reliance Industries", "the Indian conglomerate", "IN"), ("Vale", "the Brazilian mining company", "BR"),
    ("Petrobras", "the Brazilian state oil company", "BR"), ("Maersk", "the Danish shipping group", ""),
    ("TSMC", "the Taiwanese chipmaker", ""), ("Baykar", "the Turkish drone maker", "TR"),
    ("Eni", "the Italian energy company", "IT"), ("Equinor", "the Norwegian energy company", "NO"),
)

# Invented names for experts, local officials, reporters and commenters.
_FIRST_NAMES = (("Anna", "f"), ("David", "m"), ("Elena", "f"), ("James", "m"), ("Mei", "f"), ("Rahul", "m"),
                ("Fatima", "f"), ("Oleksandr", "m"), ("Sofia", "f"), ("Thomas", "m"), ("Aisha", "f"), ("Kenji", "m"),
                ("Laura", "f"), ("Mehmet", "m"), ("Priya", "f"), ("Carlos", "m"), ("Ingrid", "f"), ("Samuel", "m"),
                ("Yuki", "f"), ("Pavel", "m"), ("Grace", "f"), ("Ahmed", "m"), ("Claire", "f"), ("Lukas", "m"),
                ("Nadia", "f"), ("Daniel", "m"), ("Hannah", "f"), ("Tomasz", "m"), ("Leila", "f"), ("Marco", "m"),
                ("Chen", "m"), ("Olga", "f"), ("Joseph", "m"), ("Amara", "f"), ("Stefan", "m"), ("Beatriz", "f"))
_LAST_NAMES = ("Hartmann", "Okafor", "Petrenko", "Nakamura", "Fischer", "Rahman", "Moreau", "Kowalski", "Haddad",
               "Lindqvist", "Ferreira", "Zhang", "O'Brien", "Novak", "Mensah", "Castillo", "Ivanova", "Sato",
               "Whitaker", "Demir", "Kapoor", "Larsen", "Bianchi", "Volkov", "Adeyemi", "Chowdhury", "Richter",
               "Tanaka", "Schmidt", "Morales", "Holloway", "Brennan", "Kaur", "Yilmaz", "Jansen", "Nguyen",
               "Osei", "Dubois", "Kim", "Sokolova", "Al-Amin", "Marsh", "Lopez", "Weber")
_FIELDS = ("international relations", "political science", "economics", "Russian studies", "Asian studies",
           "security studies", "international trade", "Middle East politics", "European politics", "development economics")

# Vocabulary for slots.
_ISSUES = ("regional security", "climate change", "energy cooperation", "food security", "counterterrorism",
           "maritime security", "nuclear non-proliferation", "migration", "debt relief", "critical minerals",
           "artificial intelligence", "supply chains", "cybersecurity", "infrastructure investment",
           "the green transition", "visa rules", "arms control", "public health", "the war in Ukraine",
           "the conflict in the Middle East", "grain exports", "space cooperation")
_SECTORS = ("energy", "agriculture", "defence", "semiconductor", "infrastructure", "renewable energy",
            "nuclear power", "pharmaceutical", "shipbuilding", "telecommunications", "mining", "tourism",
            "education", "space", "electric vehicle", "steel", "aviation", "fisheries", "banking", "logistics")
_GOODS = ("crude oil", "liquefied natural gas", "wheat", "soybeans", "steel", "electric vehicles", "solar panels",
          "microchips", "fertiliser", "coal", "copper", "rice", "textiles", "machinery", "palm oil", "iron ore",
          "pharmaceutical products", "rare earths", "coffee", "cars", "aluminium", "timber")
_WEAPONS = ("drones", "artillery shells", "ballistic missiles", "air defence systems", "armoured vehicles",
            "fighter jets", "small arms", "dual-use components", "cruise missiles", "ammunition")
_AID_ITEMS = ("humanitarian aid", "medical supplies", "food aid", "air defence systems", "armoured vehicles",
              "artillery shells", "power generators", "winter clothing", "water purification equipment", "tents",
              "vaccines", "military equipment", "budget support", "emergency shelter kits")
_ATTACK_KINDS = ("drone attack", "missile strike", "rocket attack", "artillery barrage", "air strike", "bombing",
                 "car bomb attack", "suicide bombing")
_TARGETS = ("an ammunition depot", "a command post", "an oil refinery", "a fuel depot", "a railway junction",
            "an airfield", "a radar station", "a weapons factory")
_FACILITIES = ("power plant", "port", "car factory", "semiconductor plant", "hospital", "railway station",
               "industrial park", "refinery", "battery factory", "steel mill", "grain terminal", "data centre")
_FACILITIES_PL = ("schools", "hospitals", "water systems", "power lines", "bridges", "homes", "clinics")
_CONTEXTS = ("growing tensions over {issue}", "efforts to revive stalled talks on a free trade agreement",
             "concern in {C} about closer ties between the two countries", "a push by {A} to expand its influence in the region",
             "renewed fighting in the region", "a global scramble for {goods}", "a slowdown in the {Bdem} economy",
             "a diplomatic row over {dispute}")
_COMMITMENTS = ("a peaceful resolution of the dispute", "open and fair trade", "the principle of non-interference",
                "the UN Charter", "regional stability", "a rules-based international order", "freedom of navigation")
_DISPUTES = ("trade barriers", "a contested maritime boundary", "the treatment of minorities", "visa restrictions",
             "energy prices", "the detention of journalists", "arms sales to {C}", "fishing rights", "a hydropower dam")
_TRIGGERS = ("a dispute over fishing rights", "the expulsion of several diplomats", "a row over visa restrictions",
             "a series of incidents along the border", "the arrest of a businessman accused of spying",
             "comments by a senior official about {issue}")
_NEED_CONTEXT = ("temperatures dropped below freezing", "the rainy season approached", "food prices had tripled in some areas",
                 "cholera cases were rising in camps for displaced people", "many roads remained impassable",
                 "hospitals were running short of fuel for their generators")
_SIGNALS = ("a cautious thaw in relations", "a shift in {Aposs} foreign policy", "growing economic interdependence",
            "a desire on both sides to lower tensions", "that {A} was hedging its bets", "a new phase in the relationship")
_RANKS = ("largest", "second-largest", "third-largest", "fourth-largest", "fifth-largest")
_DISMISSALS = ("baseless", "politically motivated", "absurd", "part of a smear campaign", "groundless", "pure fiction",
               "an attempt to distract from {Bposs} own problems")
_DISMISS_QUOTES = ("fake news", "absolute nonsense", "a crude provocation", "pure speculation",
                   "not consistent with reality", "lies from start to finish", "a fabrication")
_ACCUSATIONS = ("interfering in its internal affairs", "destabilising the region", "violating the ceasefire",
                "supplying {weapon} to {C}", "spreading disinformation", "harbouring armed groups near the border",
                "stealing industrial secrets", "dumping cheap {goods} on world markets",
                "carrying out cyberattacks against government agencies", "militarising the border",
                "detaining its citizens without charge", "breaching international sanctions",
                "using energy supplies as a political weapon", "undermining regional security",
                "obstructing the delivery of humanitarian aid")
_BLAMES = ("the collapse of the talks", "rising tensions in the region", "the breakdown of the ceasefire",
           "the slump in bilateral trade", "the failure of the last round of negotiations")
_ACCUSE_QUOTES = ("acting in bad faith", "a threat to regional stability", "not interested in peace",
                  "playing a dangerous game", "undermining the international order")

# ------------------------------------------------------------------ sentence pools
# Placeholders are filled by _Article.__missing__; "P1" is a mention of the
# first leader (full form first, then short), "P1s" the short name, "P1poss"
# the possessive, "P1he"/"P1his" pronouns.  X is any speaker, XA a speaker for
# country A, XB one for country B.
_CLAIMS = ("{Adem} companies had supplied {weapon} to {C}",
           "{Adem} officials had held secret talks with {Bdem} counterparts in {city2}",
           "{Adem} banks were helping {B} evade Western sanctions",
           "{Adem} hackers were behind a cyberattack on {Bdem} government websites",
           "{Adem} troops had crossed into {Bdem} territory",
           "{A} was planning to cut {goods} exports to {B}",
           "{A} had agreed to buy {weapon} from {C}",
           "{Adem} vessels had entered {Bdem} territorial waters",
           "{A} was preparing to withdraw its ambassador from {Bcap}",
           "the government had pressured {CO1s} to pull out of {B}",
           "{Adem} intelligence officers had been operating in {place}",
           "{A} was stockpiling {goods} ahead of new export curbs")
# Main claim of a denial story and matching headlines.
_DENIAL_STORIES = (
    ("{Adem} companies had supplied {weapon} to {C}", ("{A} denies supplying {weapon} to {C}", "{Amet} rejects claims it armed {C}")),
    ("{Adem} officials had held secret talks with {Bdem} counterparts in {city2}", ("{A} denies holding secret talks with {B}", "{Amet} rejects reports of secret {city2} meeting")),
    ("{Adem} banks were helping {B} evade sanctions", ("{A} denies helping {B} evade sanctions", "{Adem} officials dismiss sanctions-busting claims")),
    ("{Adem} hackers were behind a cyberattack on {Bdem} government websites", ("{A} rejects {Bdem} claims of cyberattack", "{Amet} denies role in hacking of {Bdem} ministries")),
    ("{Adem} troops had crossed into {Bdem} territory", ("{A} denies its troops crossed into {B}", "{Amet} dismisses border incursion reports")),
    ("{A} was planning to cut {goods} exports to {B}", ("{A} dismisses reports of curbs on {goods} exports", "{Amet} denies plan to halt {goods} sales to {B}")),
    ("{Adem} forces were responsible for the {attack_kind} in {place}", ("{A} denies role in {place} {attack_kind}", "{Amet} rejects blame for deadly {attack_kind}")),
)
# Reported clauses ("X said that ..."): "S" from A's side, mirrored for B; "N" for anyone.
_STATEMENTS: dict[str, tuple[str, ...]] = {
    "S": ("the two countries would step up cooperation in the {sector} sector",
          "{A} was ready to help mediate an end to the conflict",
          "{B} remained an important partner for {A}",
          "talks on a free trade agreement with {B} would resume {when_future}",
          "{A} would send a high-level delegation to {Bcap} {when_future}",
          "the government was studying the proposal carefully",
          "{Adem} companies faced growing barriers in {B}",
          "{Bdem} investors were welcome in {A}",
          "{A} would not accept any outside interference in its affairs",
          "there had been \"substantial progress\" on {issue}",
          "no decision had yet been taken on {issue2}",
          "relations with {B} were at their best level in years",
          "the pressure from {Bmet} would not change {Aposs} position",
          "{A} had always respected international law",
          "{Aposs} economy would grow by {pct_small} this year",
          "{A} was prepared to increase purchases of {Bdem} {goods}",
          "{A} would host the next round of talks"),
    "N": ("more needed to be done to protect civilians",
          "the agreement would create thousands of jobs in both countries",
          "{orgs} should play a bigger role in {issue}",
          "both sides wanted to avoid further escalation",
          "the two sides had agreed to set up a joint working group on {issue}",
          "the international community had to act together on {issue}"),
}
# Quotes by who says them.  "S" quotes are said by either side about the
# other: written from A's side ({A} = the speaker's country) and mirrored for B.
# "A"/"B" quotes only fit that side of the story (A imposes the sanctions,
# sends the aid, is blamed for the attack, issues the denial); "N" quotes fit
# anyone, including international officials.
_QUOTES: dict[str, dict[str, tuple[str, ...]]] = {
    "general": {
        "S": ("We are ready to work with our {Bdem} partners on {issue}",
              "Our relationship with {B} has never been stronger",
              "We will not accept any interference in our internal affairs",
              "We will respond firmly to any provocation",
              "{A} has always supported dialogue and a peaceful settlement",
              "We expect concrete results from {Bmet}, not just words",
              "Our door remains open for negotiations",
              "This opens a new chapter in our relations with {B}",
              "We will not be intimidated",
              "We have agreed with {B} to work together on {issue} and {issue2}",
              "Our priority is the safety of our citizens",
              "We want stability, not confrontation",
              "Today we took an important step forward"),
        "N": ("The international community cannot remain silent",
              "There is no military solution to this conflict",
              "Nobody benefits from a trade war",
              "There is still a lot of work to do",
              "Dialogue is the only way forward",
              "We urge all sides to show restraint"),
    },
    "meeting": {"S": ("The talks were frank and constructive",
                      "Our countries are bound by deep friendship",
                      "We agreed to intensify contacts at every level",
                      "We discussed everything openly, including our differences",
                      "We do not agree on everything, but we agree that we must keep talking")},
    "visit": {"A": ("I am grateful for the warm welcome",
                    "We have come to {B} as friends and partners",
                    "{B} can count on {A}"),
              "B": ("We are honoured to welcome {P1s} to {B}",
                    "This visit is a sign of the trust between our nations")},
    "trade": {"S": ("Trade between our countries has enormous potential",
                    "We want balanced trade that benefits both sides",
                    "Our exporters need predictable rules",
                    "The figures show that our strategy is working",
                    "Protectionism is a dead end",
                    "The numbers speak for themselves")},
    "sanctions": {"A": ("Those who finance aggression must pay a price",
                        "The pressure will continue until behaviour changes",
                        "These measures are targeted and proportionate",
                        "We are closing the loopholes one by one"),
                  "B": ("These sanctions are illegal and will only hurt ordinary people",
                        "Sanctions have never worked and they will not work now",
                        "We will take all necessary measures to protect our interests",
                        "{A} will regret this decision")},
    "aid": {"A": ("This is only the beginning of our support",
                  "We will not abandon our friends",
                  "{B} can rely on us for as long as it takes"),
            "B": ("Every day counts for the people who need this help",
                  "We are grateful to {A} for its support",
                  "We need more, and we need it faster"),
            "N": ("The needs are enormous and growing",)},
    "attack": {"A": ("Our forces only strike legitimate military targets",
                     "We do not target civilians"),
               "B": ("This was a deliberate attack on civilians",
                     "Our air defences worked, but not everything could be stopped",
                     "The world must see what is happening here",
                     "We will rebuild, as we always have"),
               "N": ("Attacks on civilians are unacceptable under any circumstances",
                     "Those responsible must be held accountable")},
    "denial": {"A": ("These reports are not consistent with reality",
                     "This is completely untrue",
                     "We have nothing to hide",
                     "These allegations are a crude attempt to mislead the public",
                     "I have nothing to add to what has already been said"),
               "B": ("We have clear evidence, and we will present it at the right time",
                     "The facts speak for themselves",
                     "{Amet} should stop denying the obvious")},
    "summit": {"S": ("This summit must deliver for the people we represent",
                     "{A} came here to listen as well as to speak"),
               "N": ("No country can solve these problems alone",
                     "The world is more divided than at any time in decades")},
}
_EXPERT_STATEMENTS = ("the figures reflect {Aposs} efforts to reduce its dependence on {C}",
                      "sanctions have so far had only a limited effect on the {Bdem} economy",
                      "both sides have strong incentives to keep trade flowing",
                      "the visit was largely symbolic",
                      "{A} is trying to balance its ties with {B} and {C}",
                      "the risk of escalation remains high",
                      "domestic politics would limit how far either leader could go",
                      "the agreements were short on detail",
                      "{Bdem} exporters stand to benefit the most")
_EXPERT_QUOTES = ("This is as much about signalling as it is about substance",
                  "The economic logic is hard to ignore",
                  "Neither side wants an open confrontation",
                  "We should not read too much into a single meeting",
                  "Sanctions take time to bite",
                  "The numbers are impressive, but they come from a low base",
                  "The real test will be implementation",
                  "There is a lot of goodwill, but also a lot of mistrust",
                  "This could change the balance of power in the region")
_ESTIMATES = ("the sanctions have cost the {Bdem} economy around {bn} so far",
              "{Adem} arms exports to the region rose by {pct_big} over the past five years",
              "bilateral trade could double by {target_year}",
              "more than {n_millions} million people have been displaced by the fighting")

_POOLS: dict[str, tuple[str, ...]] = {
    "quote": ('"{quote}," {X} said.',
              '"{quote}," said {X}.',
              '{X} said: "{quote}."',
              '"{quote}," {X} told reporters in {city}.',
              '"{quote}," {X} told {agency}.',
              '"{quote}," {X} wrote on social media.',
              '{X} told a news conference {day}: "{quote}."',
              '"{quote}," {X} said in a statement. "{quote}."',
              '"{quote}," {X} said, adding that {stmt}.',
              '"{quote}," {X} said in an interview with {agency}.',
              'Speaking to reporters {day}, {X} said: "{quote}."',
              '"{quote}. {quote}," {X} said.'),
    "indirect": ("{X} said that {stmt}.",
                 "{X} said {stmt}.",
                 "According to {X}, {stmt}.",
                 "{X} told reporters that {stmt}, but gave no further details.",
                 "{X} added that {stmt}.",
                 "In a statement, the {Adem} foreign ministry said {stmt}.",
                 "{Amet} has repeatedly said that {stmt}.",
                 "{agency} reported, citing unnamed officials, that {stmt}.",
                 "{X} stressed that {stmt}.",
                 "{X} later told {Bdem} state television that {stmt}.",
                 "{Bmet} said in response that {stmt}.",
                 "{X} insisted that {stmt}.",
                 "{Adem} officials said privately that {stmt}."),
    "denial": ("{XA} denied that {claim}.",
               "{XA} rejected claims that {claim}.",
               '"These reports are not consistent with reality," {XA} said, rejecting suggestions that {claim}.',
               '{XA} dismissed reports that {claim} as "{dismiss_quote}".',
               "{XA} dismissed the allegations as {dismissal}.",
               "{Amet} has denied any involvement.",
               "The {Adem} embassy in {Bcap} did not respond to a request for comment, but {Adem} officials have previously denied that {claim}.",
               "{Adem} officials flatly denied the accusation, saying it was {dismissal}.",
               '"There is not a shred of evidence for this," {XA} said.',
               '{XA} denied the reports, saying {A} had "nothing to hide".',
               "{Amet} rejected the accusations as groundless."),
    "accuse": ("{XB} accused {A} of {accusation}.",
               "{Bmet} accused {Amet} of {accusation}, a charge {Adem} officials rejected.",
               "{B} has long accused {A} of {accusation}.",
               '{XB} said {A} was "{accuse_quote}".',
               "In a sharply worded statement, the {Bdem} foreign ministry accused {Adem} authorities of {accusation}.",
               "{XB} blamed {A} for {blame}.",
               "{XA} in turn accused {B} of {accusation}.",
               "{Bdem} officials have also accused {A} of {accusation}, which {Amet} denies."),
    "background": ("Relations between {A} and {B} have been strained since {since_year} over {dispute}.",
                   "{A} and {B} established diplomatic relations in {dipl_year}.",
                   "Both countries are members of {org_multi}.",
                   "{B} has been seeking to diversify its {sector} supplies away from {C}.",
                   "{A} has sought to position itself as a mediator in the region, with mixed results.",
                   "{C} is closely watching the rapprochement, analysts say.",
                   "Ties between the two countries deteriorated sharply in {since_year} but have improved since.",
                   "{Adem} and {Bdem} diplomats have been meeting regularly since {prev_month} to prepare the ground for closer cooperation.",
                   "{A} is home to a {Bdem} community of about {n_diaspora} people.",
                   "{Bposs} economy has struggled in recent years, with inflation reaching {pct_big} {lastyear}.",
                   "Tensions flared {when} after {trigger}.",
                   "{Aposs} ties with {C} have also come under scrutiny.",
                   "The last time the two leaders met was in {city2} in {visit_year}."),
    "expert": ("{E1} said the developments signalled {signal}.",
               '"{quote_expert}," said {E1}.',
               "According to {E1}, {expert_stmt}.",
               '"{quote_expert}," {E1} told {agency}.',
               "{E1} cautioned that {expert_stmt}.",
               '"{quote_expert}," said {E2}. "{quote_expert}."',
               "Analysts at {thinktank} estimate that {estimate}.",
               "{E2} was more sceptical, arguing that {expert_stmt}.",
               '{E1} said {expert_stmt}, adding: "{quote_expert}."'),
    "passive": ('The proposal was rejected by {XB}, who called it "a non-starter".',
                "The statement was later echoed by {Bmet}.",
                "The decision was welcomed by {O}.",
                "The figures were released by {Aposs} customs administration {day}.",
                'The talks were described by {Adem} state media as "frank and productive".',
                "The plan was drawn up by {M1} and will be presented to parliament {when_future}.",
                "The move was criticised by opposition lawmakers in {Bcap}, who said the government had given away too much.",
                "The report was first published by {agency}.",
                "The invitation was extended by {P2} during a phone call {when}."),
    "side_trade": ("Separately, {Adem} customs data showed exports to {C} rose {pct} in {prev_month}.",
                   "Meanwhile, {CO1} said it would invest {mn} in a new {facility} in {place}.",
                   "{Adem} exports of {goods2} to {B} rose {pct} to {mn} in {prev_month}, official data showed.",
                   "Trade between {A} and {C} fell {pct} to {bn} {lastyear}, according to official figures."),
    "side_sanctions": ("Separately, {orgs} agreed {when} to extend existing sanctions on {C} for another six months.",
                       "{A} has also imposed sanctions on several firms registered in {Ccap} accused of shipping restricted technology."),
    "side_aid": ("Separately, {A} pledged {mn} in humanitarian aid to {C} {when}.",
                 "{org_aid} said {when} that it had run out of funds for its operations in {C}.",
                 "{A} has also sent {aid_item2} to {C}, where {need_context}."),
    "side_meeting": ("Meanwhile, {M1} is expected to meet {Cdem} counterparts in {Ccap} {when_future}.",
                     "{M2} held talks with {Cdem} officials in {city2} {when}, the ministry said.",
                     "{P2} also spoke by phone with {Cdem} leaders {when}, according to {Bdem} state media."),
    "side_attack": ("In a separate incident, {n_small} people were injured in a {attack_kind2} near {Ccap} {when}, local media reported.",),
    "closing": ("The {Bdem} foreign ministry did not immediately respond to a request for comment.",
                "{P2} is expected to visit {A} {when_future}.",
                "The next round of talks is scheduled for {next_month} in {city2}.",
                "The two sides agreed to meet again before the end of the year.",
                "{Adem} officials said further details would be announced {when_future}.",
                "It was not immediately clear when the agreement would take effect.",
                "{Amet} did not respond to questions about the timing of the announcement.",
                "{agency} could not independently verify the claims.",
                "The {Adem} embassy in {Bcap} declined to comment."),
    "meeting_body": ("The two leaders also discussed {issue2}, according to a readout released by {Amet}.",
                     "{P1} and {P2} spoke for nearly {nhours} hours, including a private session with only interpreters present.",
                     "It was the {ordinal} meeting between {P1s} and {P2s} since {since_year}.",
                     "During the talks, the two sides signed {nagreements} agreements covering {sector}, {sector2} and {issue}.",
                     "The agreements were signed by {M1} and {M2} in the presence of the two leaders.",
                     "{M1} held separate talks with {M2} on the sidelines of the meeting, focusing on {issue2}.",
                     "{P1} invited {P2s} to visit {A} again {when_future}, and the invitation was accepted, officials said.",
                     "Officials on both sides had played down expectations of a breakthrough before the meeting.",
                     "A joint statement issued after the talks said both countries were committed to {commitment}.",
                     '{Adem} state media described the talks as "candid and in-depth".',
                     "The meeting in {city} came weeks after {M1} and {M2} held preparatory talks in {city2}.",
                     "{P2} was received by {P1} at {venue} with full military honours."),
    "visit_body": ("{P1poss} visit to {B} comes amid {context}.",
                   "After talks in {Bcap}, {P1s} is expected to travel to {place}, where {P1he} will tour a {facility}.",
                   "{P1} was greeted at the airport by {M2} and a military honour guard.",
                   "It is {P1poss} first trip to {B} since {P1he} took office.",
                   "The last visit by a {Adem} leader to {B} was in {visit_year}.",
                   "{Bdem} business leaders welcomed the visit, saying they hoped it would open the door to more {sector} exports.",
                   "Security was tight in {Bcap}, with several central streets closed to traffic during the visit.",
                   "{P1} laid a wreath at a war memorial in {Bcap} before heading to {venue} for talks with {P2}.",
                   "The visit had been postponed twice, most recently in {prev_month}, officials said.",
                   "{P1} travelled to {place} on the second day of the visit to meet local business leaders.",
                   "{P1s} is accompanied by a delegation of more than {ndelegation} business executives, including the heads of {CO1} and {CO2}."),
    "trade_body": ("Trade between {A} and {B} rose {pct} to {bn} {lastyear}, according to {Adem} customs data.",
                   "Bilateral trade reached {bn} in {yprev}, up {pct} from a year earlier.",
                   "{Adem} imports of {goods} from {B} jumped {pct} in the first {nmonths} months of the year, while exports of {goods2} slipped {pct2}.",
                   "{B} is now {Aposs} {rank} trading partner, accounting for about {pct_small} of its total foreign trade.",
                   "{A} ran a trade surplus of {bn} with {B} {lastyear}, a figure that has drawn criticism from {Bdem} manufacturers.",
                   "{CO1}, which employs more than {nemployees} people in {B}, said it planned to invest {mn} over the next {nyears_small} years.",
                   "{Bdem} officials want to raise bilateral trade to {bn_big} by {target_year}.",
                   "Shipments of {goods} accounted for nearly {pct_big} of the total.",
                   "The two countries are negotiating a free trade agreement that would cut tariffs on {goods} and {goods2}.",
                   "{org_econ} expects {Aposs} economy to grow {pct_small} this year, down from {pct_small2} {lastyear}.",
                   "Foreign direct investment from {A} into {B} totalled {bn} {lastyear}, according to {Bposs} central bank."),
    "sanctions_body": ("The measures target {nentities} companies and {nindiv} individuals, including several {sector} firms and a bank based in {place}.",
                       "The sanctions freeze any assets the targets hold in {A} and bar {Adem} citizens and companies from doing business with them.",
                       "{A} first imposed sanctions on {B} in {since_year} and has expanded them several times since.",
                       'The {Bdem} foreign ministry called the sanctions "illegal" and said {B} would respond with countermeasures.',
                       "Analysts said the restrictions could hit {Bdem} exports of {goods}, which are worth about {bn} a year.",
                       "{Bmet} has said repeatedly that sanctions will not force it to change course.",
                       "The measures were announced by {M1} at a news conference in {Acap}.",
                       "Among those targeted are a shipping company registered in {Ccap} and two executives of a {Bdem} {sector} group.",
                       "{orgs} is also weighing new restrictions, diplomats in {city2} said.",
                       "{Adem} exporters have warned that the sanctions could cost them up to {mn} in lost sales.",
                       "Earlier sanctions have cut {Bposs} {goods} exports by {pct_big}, according to estimates by {thinktank}."),
    "aid_body": ("The package includes {aid_item}, {aid_item2} and funding to repair damaged {facility_pl}.",
                 "{A} has provided more than {bn} in assistance to {B} since {since_year}, according to {thinktank}.",
                 "The first deliveries are expected to arrive in {place} within weeks, officials said.",
                 "{org_aid} warned that {n_millions} million people in {B} needed humanitarian assistance.",
                 "Aid workers said supplies were urgently needed as {need_context}.",
                 'The aid was welcomed by {P2}, who thanked {A} for its "steadfast support".',
                 "The shipment was received in {place} by {Bdem} officials and representatives of {org_aid}.",
                 "The assistance will be delivered through {org_aid} and local partners, {M1} said.",
                 "{A} is among the largest donors to {B}, along with {C}.",
                 "Critics in {A} have questioned the cost of the programme at a time of tight budgets."),
    "attack_body": ("The {attack_kind} hit a residential building and a {facility} in {place}, regional governor {local} said.",
                    "Rescue workers were searching the rubble for survivors late into the night, the emergency services said.",
                    "The death toll rose to {n_dead} by {weekday} evening, with {n_children} children among the dead.",
                    "{Bposs} military said it had shot down {n_shot} of {n_launched} drones launched overnight.",
                    "{Bdem} forces said they had struck {target} used by {Adem} troops, a claim that could not be independently verified.",
                    "{Adem} officials have not commented on the strike.",
                    "{O} condemned the attack and called for an independent investigation.",
                    'The attack was condemned by {Cdem} officials, who called it "a grave violation of international law".',
                    "Several hospitals in {place} said they were overwhelmed by the number of wounded.",
                    "It was the deadliest attack on {place} since {since_year}.",
                    "Power was cut to thousands of homes after the strike damaged a substation, the local energy company said.",
                    "Residents described hearing several loud explosions shortly before dawn."),
    "denial_body": ('{XA} said the reports were "completely unfounded" and accused {Bdem} media of spreading disinformation.',
                    '"These reports are not consistent with reality," {XA} told reporters in {Acap}.',
                    "The allegations were first reported by {agency}, citing {Bdem} intelligence officials.",
                    "{Bdem} officials said they had evidence that {main_claim}, but did not make it public.",
                    "{Amet} has consistently rejected similar accusations in the past.",
                    '{XA} dismissed the report as "a fabrication" and said {A} had nothing to hide.',
                    'Asked about the claims, {SA} said: "I am not aware of the situation you mentioned."',
                    "The reports were denied by {M1}, who said {A} remained committed to {commitment}.",
                    "{B} has demanded an explanation and summoned {Aposs} ambassador.",
                    "Analysts said the denial was unlikely to end the controversy."),
    "summit_body": ("The summit in {city} brings together leaders from more than {n_countries} countries.",
                    "{O} opened the meeting with a call for unity on {issue}.",
                    "On the sidelines of the summit, {P1} met {P2} for talks on {issue2}.",
                    "Diplomats said negotiations over the final communique had stalled over language on {issue}.",
                    "{P1} used {P1his} speech to call for reform of {orgs}.",
                    "The summit was overshadowed by disagreements over {issue2}.",
                    "{Cdem} officials boycotted the opening session.",
                    "The next summit will be held in {city2} in {next_year}.",
                    "{P2} was welcomed by {O} at the start of the summit."),
}

# Per topic: headlines and lead sentences (the first paragraph).
_TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "meeting": (("{P1s} and {P2s} hold talks in {city} as {issue} tops agenda",
                 "{P1s} meets {P2s}, vows to deepen {sector} cooperation",
                 "{Adem} and {Bdem} leaders pledge closer ties after {city} meeting",
                 "{A} and {B} agree to step up cooperation on {issue}"),
                ("{P1} met {P2} in {city} {day} for talks on {issue} and {issue2}, the two governments said.",
                 "{P1} and {P2} held talks in {city} {day}, pledging to deepen cooperation on {issue} despite differences over {issue2}.",
                 "{P2} was welcomed by {P1} at {venue} in {city} {day} for talks that both sides described as constructive.",
                 "{Adem} and {Bdem} leaders met in {city} {day} and agreed to expand cooperation in {sector} and {issue}.")),
    "visit": (("{P1s} arrives in {Bcap} on {ndays}-day state visit",
               "{P1s} visit to {B} puts {sector} deals in focus",
               "{P2s} welcomes {P1s} as {A} and {B} seek a reset",
               "{Adem} leader travels to {B} in rare visit"),
              ("{P1} arrived in {Bcap} {day} on a {ndays}-day state visit, the first by a {Adem} leader in {nyears} years.",
               "{P1} travelled to {Bcap} {day} for talks with {P2} on {issue} and closer ties in {sector}.",
               "{P1} was welcomed by {P2} with a military guard of honour at {venue} {day}, at the start of a visit aimed at {visit_aim}.",
               "{P1poss} visit to {B}, which began {day}, is expected to focus on {issue} and {sector} investment.")),
    "trade": (("{A}-{B} trade rises {tpct} to {tbn}",
               "Trade between {A} and {B} hits record on {goods} shipments",
               "{A} and {B} sign deals worth {tbn} in {city}",
               "{Adem} exports to {B} climb {tpct} as demand for {goods} grows"),
              ("Trade between {A} and {B} rose {tpct} to {tbn} {lastyear}, according to figures released by {Aposs} customs agency {day}.",
               "{Adem} exports to {B} grew {tpct} to {tbn} {lastyear}, official data showed {day}, driven by strong demand for {goods}.",
               "{A} and {B} signed agreements worth {tbn} in {city} {day}, covering {sector}, {goods} supplies and {issue}.",
               "Bilateral trade between {A} and {B} climbed {tpct} to a record {tbn} {lastyear}, {Adem} officials said {day}.")),
    "sanctions": (("{A} imposes new sanctions on {Bdem} {sector} firms",
                   "{B} vows to retaliate after {A} widens sanctions",
                   "{A} targets {nentities} {Bdem} entities in fresh sanctions",
                   "{Bmet} condemns 'illegal' {Adem} sanctions"),
                  ("{A} announced new sanctions {day} against {nentities} {Bdem} companies and individuals accused of {accusation}.",
                   "{A} imposed sanctions on {Bdem} {sector} companies {day}, the latest step in a campaign to raise the cost of {Bposs} policies.",
                   "{Bmet} vowed to retaliate {day} after {A} imposed sanctions on {nentities} {Bdem} firms and officials.")),
    "aid": (("{A} pledges {tmn} in aid to {B}",
             "First {Adem} aid shipment arrives in {place}",
             "Aid agencies warn of worsening crisis in {B}",
             "{A} to send {aid_item} to {B}, {P1s} says"),
            ("{A} pledged {tmn} in {aid_item} to {B} {day}, as aid agencies warned that the humanitarian situation was deteriorating.",
             "A shipment of {aid_item} from {A} arrived in {place} {day}, {Bdem} officials said.",
             "{P1} announced {day} that {A} would send {aid_item} worth {tmn} to {B}.",
             "{A} will provide {B} with {aid_item} and {aid_item2} worth {tmn}, {M1} said {day}.")),
    "attack": (("At least {n_dead} killed in {attack_kind} on {place}",
                "{B} blames {A} for deadly {attack_kind} in {place}",
                "{attack_kind} kills {n_dead} in {place}, officials say",
                "{place} hit by {attack_kind}; {n_inj} wounded"),
               ("At least {n_dead} people were killed and {n_inj} injured in a {attack_kind} on {place} {day}, {Bdem} officials said, blaming {Adem} forces.",
                "A {attack_kind} on the {Bdem} city of {place} killed {n_dead} people {day}, local authorities said.",
                "{B} accused {A} of carrying out a {attack_kind} that killed at least {n_dead} people in {place} {day}.")),
    "denial": (("{A} rejects {Bdem} allegations over {issue}",
                "'Not consistent with reality': {A} dismisses {Bdem} reports"),
               ("{A} {day} denied reports that {main_claim}.",
                "{Amet} rejected claims that {main_claim}, calling them \"{dismiss_quote}\".",
                "{Adem} officials {day} dismissed as baseless allegations that {main_claim}.")),
    "summit": (("World leaders gather in {city} for {orgs} summit amid divisions over {issue}",
                "{P1s} and {P2s} to meet on sidelines of {orgs} summit in {city}",
                "{orgs} summit opens in {city} with focus on {issue}"),
               ("Leaders from more than {n_countries} countries gathered in {city} {day} for a summit of {org}, with {issue} high on the agenda.",
                "{P1} and {P2} arrived in {city} {day} for a summit of {org} expected to be dominated by {issue}.")),
}
_TOPIC_WEIGHTS = (("meeting", 3.0), ("visit", 2.5), ("trade", 2.5), ("sanctions", 1.5), ("aid", 1.5),
                  ("attack", 1.5), ("denial", 2.0), ("summit", 1.0))
_VISIT_AIMS = ("deepening economic ties", "repairing relations", "securing new {sector} contracts",
               "building support for a peace initiative", "expanding cooperation on {issue}")
_SPEAKER_WEIGHTS = (("P1", 3.0), ("P2", 3.0), ("M1", 2.0), ("M2", 2.0), ("SA", 1.5), ("SB", 1.5), ("O", 0.6))
_SPEAKERS = tuple(s for s, _ in _SPEAKER_WEIGHTS)
_SPEAKER_CUM = tuple(itertools.accumulate(w for _, w in _SPEAKER_WEIGHTS))
_SPEAKER_SIDE = {"P1": "A", "M1": "A", "SA": "A", "P2": "B", "M2": "B", "SB": "B", "O": "N"}
# Bigger players are in the news more often, as in real corpora.
# Plausible sides per topic (A acts, B is acted upon); other pairs are drawn at random.
_SANCTIONERS = ("US", "GB", "FR", "DE", "JP", "CA", "AU", "KR", "IT", "PL", "NL", "SE", "FI", "NO", "CH", "CN", "RU", "UA")
_SANCTIONED = ("RU", "IR", "KP", "BY", "VE", "CN", "US", "AZ", "RS", "HU", "GB", "JP", "DE")
_RECIPIENTS = ("UA", "ET", "KE", "NG", "BD", "PK", "EG", "JO", "IQ", "VE", "CO", "PE", "PH", "ID", "VN", "AM", "GH",
               "MA", "DZ", "IR", "AR")
_DONORS = ("US", "GB", "DE", "FR", "JP", "CN", "SA", "AE", "QA", "TR", "CA", "AU", "NO", "SE", "NL", "IT", "KR", "IN", "RU")
_CONFLICTS = (("RU", "UA"), ("UA", "RU"), ("IL", "IR"), ("IR", "IL"), ("IN", "PK"), ("PK", "IN"), ("AZ", "AM"),
              ("KP", "KR"), ("IL", "EG"), ("RU", "PL"), ("VE", "CO"), ("TR", "IQ"))
_COUNTRY_WEIGHT = {"US": 8, "CN": 7, "RU": 7, "UA": 5, "GB": 3, "FR": 3, "DE": 3, "JP": 3, "IN": 3, "IL": 3, "IR": 3,
                   "TR": 2, "SA": 2, "KR": 2, "BR": 2, "PL": 2, "KP": 2, "IT": 2, "CA": 2, "AU": 2, "EG": 2, "QA": 2}

# ------------------------------------------------------------------ noise
_OUTLETS = (("World Dispatch", "worlddispatch"), ("The Global Ledger", "globalledger"), ("Meridian News", "meridiannews"),
            ("The Daily Compass", "dailycompass"), ("Northbridge Times", "northbridgetimes"), ("Atlas Report", "atlasreport"),
            ("Continental Herald", "continentalherald"), ("The Evening Wire", "eveningwire"))
_SECTIONS = ("world", "politics", "business", "europe", "asia", "middle-east", "africa", "americas")
_SHARE = ("Share on Facebook", "Share on X", "Share on Twitter", "Share on WhatsApp", "Share on LinkedIn",
          "Share via Email", "Copy link", "Print")
_SPAM = ("I make $450 a day working from home!! Check out my profile for details",
         "Great article, thanks for sharing!", "Who pays these journalists??", "FAKE NEWS. Wake up people!!!",
         "Crypto signals that actually work, DM me 🚀🚀", "first", "Interesting read. Bookmarked.",
         "This comment has been removed by a moderator.", "Nobody cares lol", "Where is the source for this?",
         "Earn money online with zero experience, visit www.quick-cash-jobs.example")
_USERS = ("mike_77", "Jenny W", "truthseeker", "anon", "Paul R.", "globalwatcher", "Ksenia", "dragonfly99", "Sam")


# ------------------------------------------------------------------ helpers
def _choice(rng: random.Random, seq):
    """``rng.choice`` without its per-call overhead (this is the generator's hot path)."""
    return seq[int(rng.random() * len(seq))]


def _weighted(rng: random.Random, seq, cum_weights):
    return seq[bisect.bisect(cum_weights, rng.random() * cum_weights[-1], 0, len(seq) - 1)]


def _poss(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _num(n: int) -> str:
    """AP style: spell out one to nine."""
    return _SMALL[n] if 0 <= n < 10 else f"{n:,}"


def _money(value: float, unit: str, rng: random.Random) -> str:
    r = rng.random()
    cur = "$" if r < 0.8 else "€" if r < 0.93 else "£"
    if value >= 20 or rng.random() < 0.3:
        amount = f"{round(value):,}"
    else:
        amount = f"{value:.1f}".removesuffix(".0")
    return f"{cur}{amount} {unit}"


def _pct(value: float, rng: random.Random, decimals: int = 1) -> str:
    r = rng.random()
    text = f"{value:.{decimals}f}".removesuffix(".0") if decimals else str(round(value))
    return text + ("%" if r < 0.8 else " percent" if r < 0.9 else " per cent")


def _slug(text: str, max_words: int = 9) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "article"


def _long_date(d: _dt.date, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if r < 0.8:
        return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{_MONTHS[d.month - 1][:3]} {d.day}, {d.year}"


class _Country:
    __slots__ = ("key", "name", "capital", "dem", "metonyms", "venue", "cities")

    def __init__(self, key, name, capital, dem, extra, venue):
        self.key, self.name, self.capital, self.dem, self.venue = key, name, capital, dem, venue
        self.metonyms = (capital, *extra) if capital != "Singapore" else ("Singapore",)
        self.cities: tuple[str, ...] = ()


class _Person:
    __slots__ = ("name", "short", "title", "role", "home", "gender", "start", "end", "kind", "demo_ok")

    def __init__(self, *row):
        (self.name, self.short, self.title, self.role, self.home, self.gender,
         self.start, self.end, self.kind, self.demo_ok) = row


_COUNTRIES = {row[0]: _Country(*row) for row in _COUNTRY_ROWS}
for _key, _c in _COUNTRIES.items():
    _c.cities = (_c.capital,) + tuple(city for city, k in _CITY_ROWS if k == _key)
_CITIES = tuple(dict.fromkeys([c.capital for c in _COUNTRIES.values()] + [city for city, _ in _CITY_ROWS]))
_PEOPLE = tuple(_Person(*row) for row in _PEOPLE_ROWS)
_ORGS = {row[0]: row for row in _ORG_ROWS}
_ORG_KINDS = {kind: tuple(r[0] for r in _ORG_ROWS if r[4] == kind) for kind in ("igo", "econ", "aid")}
# who is in office, per month (YYYYMM), and which countries then have a leader on file
_IN_OFFICE: dict[int, dict[str, list[_Person]]] = {}
for _ym in (y * 100 + m for y in (2023, 2024, 2025) for m in range(1, 13)):
    _table: dict[str, list[_Person]] = {}
    for _p in _PEOPLE:
        if _p.start <= _ym <= _p.end:
            _table.setdefault(_p.home, []).append(_p)
    _IN_OFFICE[_ym] = _table
_LEADER_COUNTRIES = {ym: frozenset(k for k, ps in t.items() if k in _COUNTRIES and any(p.kind == "L" for p in ps))
                     for ym, t in _IN_OFFICE.items()}


class _Entity:
    """Surface forms of one mentioned entity; first mention is long, later ones short."""

    __slots__ = ("first", "later", "short", "poss_first", "he", "his", "count")

    def __init__(self, first, later, short, poss_first, gender="n"):
        self.first, self.later, self.short, self.poss_first = first, later, short, poss_first
        self.he, self.his = {"m": ("he", "his"), "f": ("she", "her")}.get(gender, ("they", "their"))
        self.count = 0


def _person_entity(p: _Person) -> _Entity:
    if p.kind == "O":
        first = (f"{p.title} {p.name}", f"{p.title} {p.name}", f"{p.name}, {p.role},")
        later = (p.short, p.short, p.short, "the " + p.title.split()[0] + " chief")
    else:
        c = _COUNTRIES[p.home]
        first = [f"{p.title} {p.name}", f"{p.name}, {_poss(c.name)} {p.role},"]
        if p.demo_ok:
            first += [f"{c.dem} {p.title} {p.name}"] * 2
        first = tuple(first)
        later = (p.short, p.short, p.short, f"the {c.dem} {p.role}")
    return _Entity(first, later, p.short, _poss(f"{p.title} {p.name}"), p.gender)


def _anonymous(first: str, later: str) -> _Entity:
    return _Entity((first,), (later,), later, _poss(later))


def _mirror(template: str) -> str:
    """Swap the A and B sides of a template ("{A}" <-> "{B}", "{Adem}" <-> "{Bdem}", ...)."""
    return template.replace("{A", "{\0").replace("{B", "{A").replace("{\0", "{B")


def _side_pools(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {"A": table.get("A", ()) + table.get("S", ()),
            "B": table.get("B", ()) + tuple(_mirror(t) for t in table.get("S", ())),
            "N": table.get("N", ())}


_QUOTE_POOLS = {topic: _side_pools(table) for topic, table in _QUOTES.items()}
_STATEMENT_POOLS = _side_pools(_STATEMENTS)
# "a" before a vowel sound becomes "an" ("a Emirati" -> "an Emirati"), but not
# before a "you" or "wun" sound ("a European", "a UN agency", "a one-day visit").
_A_AN = re.compile(r"\b([Aa]) (?=[AEIOUaeiou])(?!(?:Eu|eu|Uk|uk|Uni|uni|US\b|UN\b|one\b|Usa|usa|Uru))")


# ------------------------------------------------------------------ the generator
class _Article(dict):
    """Template context for one article: fixed slots are dict items, the rest are
    produced on demand by ``__missing__`` (fresh numbers, mention-aware names)."""

    def __init__(self, seed: int, index: int):
        super().__init__()
        self.rng = rng = random.Random(f"kg-synthetic:{seed}:{index}")
        self.seed, self.index = seed, index
        self.date = _FIRST_DAY + _dt.timedelta(days=rng.randrange(_N_DAYS))
        self.topic = rng.choices([t for t, _ in _TOPIC_WEIGHTS], [w for _, w in _TOPIC_WEIGHTS])[0]
        self.used: set[object] = set()  # templates and quotes already used in this article
        self.ents: dict[str, _Entity] = {}
        self.speaker, self.side, self.para_speaker = "P1", "A", None
        self._setup()

    # -- setup ---------------------------------------------------------------
    def _setup(self) -> None:
        rng, d, year = self.rng, self.date, self.date.year
        ym = year * 100 + d.month
        people, ka, kb = _IN_OFFICE[ym], *self._sides(_LEADER_COUNTRIES[ym])
        kc = _choice(rng, [k for k in _COUNTRIES if k not in (ka, kb)])
        A, B, C = _COUNTRIES[ka], _COUNTRIES[kb], _COUNTRIES[kc]
        self.countries = (A, B, C)
        for tag, c in (("A", A), ("B", B), ("C", C)):
            self[tag], self[tag + "dem"], self[tag + "cap"] = c.name, c.dem, c.capital
            self[tag + "poss"] = _poss(c.name)
        # people of A and B
        for side, c in (("1", A), ("2", B)):
            pool = people.get(c.key, [])
            leader = _choice(rng, [p for p in pool if p.kind == "L"])
            others = [p for p in pool if p is not leader and p.kind in "LM"]
            spokes = [p for p in pool if p.kind == "S"]
            self.ents["P" + side] = _person_entity(leader)
            self.ents["M" + side] = (_person_entity(_choice(rng, others)) if others
                                     else _anonymous(f"a senior {c.dem} official", f"the {c.dem} official"))
            letter = "A" if side == "1" else "B"
            self.ents["S" + letter] = (_person_entity(_choice(rng, spokes)) if spokes
                                       else _anonymous(f"a spokesperson for the {c.dem} foreign ministry", f"the {c.dem} spokesperson"))
        # organisations
        topic = self.topic
        org_key = _choice(rng, ("UN", "G20")) if topic == "summit" else _choice(rng, _ORG_KINDS["igo"])
        self.ents["org"] = self._org_entity(org_key)
        heads = [p for p in people.get(org_key, [])]
        self.ents["O"] = (_person_entity(_choice(rng, heads)) if heads
                          else _anonymous(f"a spokesperson for {_ORGS[org_key][2]}", f"the {_ORGS[org_key][2].removeprefix('the ')} spokesperson"))
        self.ents["org_multi"] = self._org_entity(_choice(rng, ("UN", "G20", "WTO", "IMF", "OSCE", "SCO", "BRICS", "ASEAN")))
        self.ents["org_econ"] = self._org_entity(_choice(rng, _ORG_KINDS["econ"]))
        self.ents["org_aid"] = self._org_entity(_choice(rng, _ORG_KINDS["aid"]))
        home_cos = [r for r in _COMPANY_ROWS if r[2] == ka] or [r for r in _COMPANY_ROWS if r[2] != kb]
        co1 = _choice(rng, home_cos)
        co2 = _choice(rng, [r for r in _COMPANY_ROWS if r is not co1 and r[2] != kb])
        for slot, (name, desc, _home) in (("CO1", co1), ("CO2", co2)):
            self.ents[slot] = _Entity((f"{name}, {desc},", name), (name, name, "the company"), name, _poss(name))
        for slot in ("E1", "E2"):
            self.ents[slot] = self._expert()
        # places
        self["city2"] = _choice(rng, [c for c in _NEUTRAL_CITIES if c not in (A.capital, B.capital)])
        self["place"] = _choice(rng, B.cities[1:] or B.cities) if rng.random() < 0.75 else B.capital
        if topic in ("visit", "attack"):
            city, venue = B.capital, B.venue
        elif topic == "summit":
            city, venue = self["city2"], "the conference centre"
            self["city2"] = _choice(rng, [c for c in _NEUTRAL_CITIES if c != city])
        else:
            city, venue = A.capital, A.venue
        self["city"], self["venue"] = city, venue
        self["agency"] = _choice(rng, _AGENCIES)
        self["thinktank"] = _choice(rng, _THINK_TANKS)
        # fixed topical vocabulary, so an article keeps to one story
        self["issue"], self["issue2"] = rng.sample(_ISSUES, 2)
        self["sector"], self["sector2"] = rng.sample(_SECTORS, 2)
        self["goods"], self["goods2"] = rng.sample(_GOODS, 2)
        self["aid_item"], self["aid_item2"] = rng.sample(_AID_ITEMS, 2)
        self["weapon"] = _choice(rng, _WEAPONS)
        self["attack_kind"], self["attack_kind2"] = rng.sample(_ATTACK_KINDS, 2)
        self["target"] = _choice(rng, _TARGETS)
        self["facility"] = _choice(rng, _FACILITIES)
        self["facility_pl"] = _choice(rng, _FACILITIES_PL)
        self["need_context"] = _choice(rng, _NEED_CONTEXT)
        self["commitment"] = _choice(rng, _COMMITMENTS)
        self["dispute"] = self.fill(_choice(rng, _DISPUTES))
        self["context"] = self.fill(_choice(rng, _CONTEXTS))
        self["visit_aim"] = self.fill(_choice(rng, _VISIT_AIMS))
        # dates: the main event happened zero to three days before publication
        ev = d - _dt.timedelta(days=_choice(rng, (0, 1, 1, 1, 2, 3)))
        self["weekday"] = _WEEKDAYS[ev.weekday()]
        self["day"] = "on " + self["weekday"]
        self["year"], self["yprev"], self["next_year"] = str(year), str(year - 1), str(year + 1)
        self["lastyear"] = "last year" if rng.random() < 0.6 else f"in {year - 1}"
        self["prev_month"] = _MONTHS[(d.month - 2) % 12]
        self["next_month"] = _MONTHS[d.month % 12]
        self["since_year"] = str(year - rng.randint(2, 12))
        self["visit_year"] = str(year - rng.randint(3, 15))
        self["dipl_year"] = str(rng.randint(1949, 1995))
        self["target_year"] = str(year + rng.randint(2, 7))
        # headline figures are fixed so headline and lead agree
        self["tpct"] = _pct(rng.uniform(3, 38), rng)
        self["tbn"] = _money(rng.uniform(1.5, 240), "billion", rng)
        self["tmn"] = _money(rng.randint(15, 900), "million", rng)
        n_dead = _choice(rng, (3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 21, 23, 26, 31, 38, 45, 52))
        self["n_dead"] = _num(n_dead)
        self["n_inj"] = _num(n_dead * rng.randint(2, 5) + rng.randint(0, 9))
        self["n_children"] = _num(max(1, n_dead // rng.randint(3, 8)))
        self["nentities"] = _num(rng.randint(6, 120))
        self["ndays"] = _SMALL[rng.randint(2, 5)]
        self["nyears"] = _num(rng.randint(5, 25))
        self["ordinal"] = _choice(rng, _ORDINALS)
        self["n_countries"] = _num(rng.randint(12, 40))
        if topic == "denial":
            claim, heads = _choice(rng, _DENIAL_STORIES)
            self["main_claim"] = self.fill(claim)
            self.topic_heads = heads
        else:
            self["main_claim"] = self.fill(_choice(rng, _CLAIMS))
            self.topic_heads = ()

    def _sides(self, leaders: frozenset[str]) -> tuple[str, str]:
        """Country keys of side A and side B, both with a leader on file."""
        rng, topic = self.rng, self.topic
        if rng.random() < 0.85:
            if topic == "attack":
                pairs = [p for p in _CONFLICTS if p[0] in leaders and p[1] in leaders]
                if pairs:
                    return _choice(rng, pairs)
            if topic in ("sanctions", "aid"):
                firsts = _SANCTIONERS if topic == "sanctions" else _DONORS
                ka = _choice(rng, [k for k in firsts if k in leaders])
                seconds = [k for k in (_SANCTIONED if topic == "sanctions" else _RECIPIENTS) if k in leaders and k != ka]
                return ka, _choice(rng, seconds)
        keys = sorted(leaders)
        weights = [_COUNTRY_WEIGHT.get(k, 1) for k in keys]
        ka = kb = rng.choices(keys, weights)[0]
        while kb == ka:
            kb = rng.choices(keys, weights)[0]
        return ka, kb

    def _org_entity(self, key: str) -> _Entity:
        _k, full, short, acr, _kind = _ORGS[key]
        first = (full, f"{full} ({acr})") if acr and acr != short else (full,)
        return _Entity(first, (short,), short, _poss(short))

    def _expert(self) -> _Entity:
        rng = self.rng
        first, gender = _choice(rng, _FIRST_NAMES)
        last = _choice(rng, _LAST_NAMES)
        r = rng.random()
        if r < 0.45:
            desc = f"a professor of {_choice(rng, _FIELDS)} at {_choice(rng, _UNIVERSITIES)}"
        elif r < 0.7:
            desc = f"a senior fellow at {_choice(rng, _THINK_TANKS)}"
        elif r < 0.85:
            desc = f"chief economist at {_choice(rng, _BANKS)}" if rng.random() < 0.5 else f"an economist at {_choice(rng, _BANKS)}"
        else:
            desc = f"a former {_choice(rng, list(_COUNTRIES.values())).dem} diplomat"
        name = f"{first} {last}"
        return _Entity((f"{name}, {desc},",), (last,), last, _poss(name), gender)

    # -- template filling ----------------------------------------------------
    def fill(self, template: str) -> str:
        return template.format_map(self)

    def __missing__(self, key: str) -> str:
        gen = _GENERATORS.get(key)
        if gen is not None:
            return gen(self)
        ents = self.ents
        ent = ents.get(key)
        if ent is not None:
            ent.count += 1
            return _choice(self.rng, ent.first if ent.count == 1 else ent.later)
        for suffix in ("poss", "his", "he", "s"):
            if key.endswith(suffix) and key[: -len(suffix)] in ents:
                ent = ents[key[: -len(suffix)]]
                if suffix == "s":
                    return ent.short
                if suffix == "poss":
                    ent.count += 1
                    return ent.poss_first if ent.count == 1 else _poss(ent.short)
                return ent.he if suffix == "he" else ent.his
        raise KeyError(key)

    def _g_X(self):
        return self[self.speaker]

    def _g_XA(self):
        return self[_weighted(self.rng, ("P1", "M1", "SA"), (1.0, 2.5, 4.5))]

    def _g_XB(self):
        return self[_weighted(self.rng, ("P2", "M2", "SB"), (1.0, 2.5, 4.5))]

    def _metonym(self, c: _Country) -> str:
        # always grammatically singular: "Beijing has said", "the Kremlin denies"
        return _choice(self.rng, c.metonyms) if self.rng.random() < 0.75 else f"the {c.dem} government"

    def _g_Amet(self):
        return self._metonym(self.countries[0])

    def _g_Bmet(self):
        return self._metonym(self.countries[1])

    def _g_quote(self):
        side = self.side
        topical, general = _QUOTE_POOLS[self.topic][side], _QUOTE_POOLS["general"][side]
        pools = (topical, general) if topical and self.rng.random() < 0.55 else (general, topical)
        return _cap(self.fill(self._pick_text(*[p for p in pools if p], _QUOTE_POOLS["general"]["N"])))

    def _g_quote_expert(self):
        return self._pick_text(_EXPERT_QUOTES)

    def _g_stmt(self):
        own, neutral = _STATEMENT_POOLS[self.side], _STATEMENT_POOLS["N"]
        pools = (own, neutral) if own and self.rng.random() < 0.75 else (neutral, own)
        return self.fill(self._pick_text(*[p for p in pools if p]))

    def _g_claim(self):
        return self.fill(self._pick_text(_CLAIMS))

    def _g_expert_stmt(self):
        return self.fill(self._pick_text(_EXPERT_STATEMENTS))

    def _g_accusation(self):
        return self.fill(self._pick_text(_ACCUSATIONS))

    def _g_blame(self):
        return self.fill(_choice(self.rng, _BLAMES))

    def _g_accuse_quote(self):
        return _choice(self.rng, _ACCUSE_QUOTES)

    def _g_dismissal(self):
        return self.fill(_choice(self.rng, _DISMISSALS))

    def _g_dismiss_quote(self):
        return _choice(self.rng, _DISMISS_QUOTES)

    def _g_signal(self):
        return self.fill(_choice(self.rng, _SIGNALS))

    def _g_estimate(self):
        return self.fill(_choice(self.rng, _ESTIMATES))

    def _g_trigger(self):
        return self.fill(_choice(self.rng, _TRIGGERS))

    def _g_rank(self):
        return _choice(self.rng, _RANKS)

    def _g_pct(self):
        return _pct(self.rng.uniform(0.4, 38), self.rng)

    _g_pct2 = _g_pct

    def _g_pct_small(self):
        return _pct(self.rng.uniform(0.3, 6.5), self.rng)

    _g_pct_small2 = _g_pct_small

    def _g_pct_big(self):
        return _pct(self.rng.uniform(15, 65), self.rng, 0)

    def _g_bn(self):
        return _money(self.rng.uniform(1.2, 180), "billion", self.rng)

    def _g_bn_big(self):
        return _money(self.rng.randrange(100, 501, 50), "billion", self.rng)

    def _g_mn(self):
        return _money(self.rng.randint(12, 950), "million", self.rng)

    def _g_n_millions(self):
        return f"{self.rng.uniform(1.2, 18):.1f}".removesuffix(".0")

    def _g_n_small(self):
        return _num(self.rng.randint(2, 9))

    def _g_nhours(self):
        return _num(self.rng.randint(2, 5))

    def _g_nagreements(self):
        return _num(self.rng.randint(3, 24))

    def _g_nmonths(self):
        return _num(self.rng.randint(3, 9))

    def _g_nemployees(self):
        return _num(_choice(self.rng, (800, 1500, 2000, 3500, 5000, 12000, 20000)))

    def _g_nyears_small(self):
        return _num(self.rng.randint(3, 10))

    def _g_ndelegation(self):
        return _num(_choice(self.rng, (30, 40, 50, 60, 80, 100)))

    def _g_nindiv(self):
        return _num(self.rng.randint(2, 40))

    def _g_n_diaspora(self):
        return _num(_choice(self.rng, (20000, 45000, 80000, 120000, 250000, 400000)))

    def _g_n_shot(self):
        return _num(self.rng.randint(10, 60))

    def _g_n_launched(self):
        return _num(self.rng.randint(61, 140))

    def _g_local(self):
        first, _g = _choice(self.rng, _FIRST_NAMES)
        return f"{first} {_choice(self.rng, _LAST_NAMES)}"

    def _g_when(self):
        d, rng = self.date, self.rng
        options = ["last week", "last month", f"in {_MONTHS[(d.month - 2) % 12]}", "in recent weeks",
                   "over the weekend", "on " + _WEEKDAYS[(d - _dt.timedelta(days=rng.randint(4, 6))).weekday()]]
        options.append("earlier this month" if d.day > 10 else "late last month")
        options.append("earlier this year" if d.month > 2 else "late last year")
        return _choice(rng, options)

    def _g_when_future(self):
        d, rng = self.date, self.rng
        options = ["next month", "in the coming weeks", "next week", f"in {_MONTHS[(d.month + 1) % 12]}"]
        options.append("later this year" if d.month < 10 else "early next year")
        if d.month < 11:
            options.append("before the end of the year")
        return _choice(rng, options)

    # -- assembly --------------------------------------------------------------
    def _pick_text(self, pool: tuple[str, ...], *fallbacks: tuple[str, ...]) -> str:
        """A random item of the first pool with one not used yet in this article."""
        used, rng = self.used, self.rng
        for candidates in (pool, *fallbacks):
            for _ in range(6):
                item = _choice(rng, candidates)
                if item not in used:
                    used.add(item)
                    used.add(_mirror(item))  # B's version of A's line counts as used too
                    return item
            free = [t for t in candidates if t not in used]
            if free:
                item = _choice(rng, free)
                used.add(item)
                used.add(_mirror(item))
                return item
        return _choice(rng, pool)

    def _pick_sentence(self, pool_name: str) -> str | None:
        pool, used, rng = _POOLS[pool_name], self.used, self.rng
        template = _choice(rng, pool)
        if template in used:
            free = [t for t in pool if t not in used]
            if not free:
                return None
            template = _choice(rng, free)
        used.add(template)
        return self.sentence(template)

    def sentence(self, template: str) -> str:
        # Who speaks decides which quotes and reported clauses fit, and the
        # quote is filled before the speaker, so the speaker is chosen first.
        if "{X}" in template:
            # within a paragraph the same person usually goes on speaking
            if self.para_speaker is None or self.rng.random() < 0.35:
                self.para_speaker = _weighted(self.rng, _SPEAKERS, _SPEAKER_CUM)
            self.speaker = self.para_speaker
            self.side = _SPEAKER_SIDE[self.speaker]
        elif "{XB}" in template or "{Bmet}" in template or "{Bdem} foreign ministry" in template:
            self.side = "B"
        elif "{agency}" in template:
            self.side = "N"
        else:
            self.side = "A"
        s = self.fill(template)
        # an apposition ("Wang Yi, China's foreign minister,") before punctuation
        s = s.replace(",.", ".").replace(",:", ":").replace(",,", ",")
        if "a {" in template or "A {" in template:  # only a placeholder can need "an"
            s = _A_AN.sub(r"\1n ", s)
        return _cap(s)

    def _kind_weights(self) -> tuple[list[str], list[float]]:
        topic = self.topic
        w = {topic + "_body": 4.0, "quote": 3.0, "indirect": 2.2, "background": 1.3, "expert": 1.4, "passive": 0.8,
             "denial": 0.3, "accuse": 0.4, "side_trade": 0.5, "side_meeting": 0.4, "side_aid": 0.3,
             "side_sanctions": 0.3, "side_attack": 0.15}
        if topic in ("meeting", "visit", "summit"):
            w["side_trade"] = 1.0
            w["trade_body"] = 0.8
        if topic == "denial":
            w.update(denial=2.5, accuse=1.8)
        elif topic == "attack":
            w.update(accuse=1.6, denial=1.0)
        elif topic == "sanctions":
            w.update(accuse=1.2, denial=0.8)
        return list(w), list(itertools.accumulate(w.values()))

    def build(self) -> SyntheticArticle:
        rng = self.rng
        heads, leads = _TOPICS[self.topic]
        title = _cap(_A_AN.sub(r"\1n ", self.fill(_choice(rng, heads + self.topic_heads))))
        target = min(_BODY_MAX - 5, max(MIN_WORDS + 10, round(rng.triangular(MIN_WORDS + 10, _BODY_MAX - 5, 520))))
        lead = [self.sentence(_choice(rng, leads))]
        if rng.random() < 0.5:
            extra = self._pick_sentence(self.topic + "_body")
            if extra:
                lead.append(extra)
        paragraphs = [" ".join(lead)]
        words = sum(len(s.split()) for s in lead)
        kinds, cum = self._kind_weights()
        misses = 0
        while words < target and misses < 40:
            size = _weighted(rng, (1, 2, 3), (0.3, 0.75, 1.0))
            para: list[str] = []
            self.para_speaker = None
            kind = _weighted(rng, kinds, cum)
            for _ in range(size):
                if para and rng.random() < 0.45:  # a paragraph mostly keeps to one kind
                    kind = _weighted(rng, kinds, cum)
                s = self._pick_sentence(kind)
                n = len(s.split()) if s else 0
                if not s or words + n > _BODY_MAX:
                    misses += 1
                    continue
                para.append(s)
                words += n
                if words >= target:
                    break
            if para:
                paragraphs.append(" ".join(para))
        if words < MIN_WORDS:  # every pool used up: allow repeats of short kinds
            self.used.clear()
            while words < MIN_WORDS:
                s = self._pick_sentence(_choice(rng, ("indirect", "quote", "background")))
                if s:
                    paragraphs.append(s)
                    words += len(s.split())
        closing = self._pick_sentence("closing")
        if closing and words + len(closing.split()) <= _BODY_MAX:
            paragraphs.append(closing)
            words += len(closing.split())
        outlet, domain = _choice(rng, _OUTLETS)
        blocks = paragraphs
        if rng.random() < NOISE_RATE:
            blocks = self._add_noise(paragraphs, title, outlet, MAX_WORDS - words)
        section = _choice(rng, _SECTIONS)
        d = self.date
        url = f"https://www.{domain}.example/{section}/{d.year}/{d.month:02d}/{d.day:02d}/{_slug(title)}-{self.index}"
        return SyntheticArticle(f"synthetic-{self.seed}-{self.index:06d}", title, "\n\n".join(blocks), url, d)

    # -- noise -------------------------------------------------------------------
    def _other_headline(self) -> str:
        heads = _TOPICS[_choice(self.rng, [t for t, _ in _TOPIC_WEIGHTS])][0]
        return _cap(_A_AN.sub(r"\1n ", self.fill(_choice(self.rng, heads))))

    def _add_noise(self, paragraphs: list[str], title: str, outlet: str, budget: int) -> list[str]:
        rng, d = self.rng, self.date
        first, _g = _choice(rng, _FIRST_NAMES)
        reporter = f"{first} {_choice(rng, _LAST_NAMES)}"
        hh, mm = rng.randint(5, 22), rng.randint(0, 59)
        chrome = [_choice(rng, ("WORLD", "World | Politics", "Home › World › " + _choice(rng, ("Europe", "Asia", "Americas", "Africa")),
                              "POLITICS", "Business · Economy")),
                  _choice(rng, (f"By {reporter}", f"By {reporter} and {self._g_local()}", f"By {outlet} staff")),
                  _choice(rng, (f"Published: {_long_date(d, rng)}, {hh:02d}:{mm:02d} GMT",
                              f"Updated: {_long_date(d, rng)} at {hh % 12 or 12}:{mm:02d} {'a.m.' if hh < 12 else 'p.m.'}",
                              f"{_long_date(d, rng)} · {rng.randint(3, 9)} min read"))]
        comments = [f"Comments ({rng.randint(2, 240)})"]
        for _ in range(rng.randint(1, 4)):
            comments.append(f"{_choice(rng, _USERS)} · {rng.randint(1, 23)}h ago\n{_choice(rng, _SPAM)}")
        kinds = {
            "chrome": ("top", "\n".join(chrome)),
            "headline": ("top0", title),
            "share": ("top", "\n".join(rng.sample(_SHARE, rng.randint(3, 5)))),
            "cookie": ("top0", "We use cookies to improve your experience on our site. By continuing to browse, "
                               "you agree to our use of cookies.\nAccept | Manage preferences"),
            "readmore": ("mid", _choice(rng, ("Read more: ", "READ MORE: ", "Also read: ")) + self._other_headline()),
            "advert": ("mid", _choice(rng, ("ADVERTISEMENT", "Advertisement", "- Advertisement -"))),
            "newsletter": ("end", _choice(rng, ("Subscribe to our newsletter",
                                              "Sign up for our free daily newsletter and never miss a story.\nSubscribe",
                                              "Get the latest headlines in your inbox. Subscribe to our newsletter"))),
            "tags": ("end", f"Tags: {self['A'].removeprefix('the ')}, {self['B'].removeprefix('the ')}, {self['issue']}, Politics"),
            "related": ("end", "Related articles\n" + "\n".join(self._other_headline() for _ in range(rng.randint(2, 3)))),
            "copyright": ("end", f"© {d.year} {outlet}. All rights reserved."),
            "comments": ("last", "\n\n".join(comments)),
        }
        names = list(kinds)
        chosen = rng.sample(names, rng.randint(2, 5))
        top0, top, end, last = [], [], [], []
        mids: list[str] = []
        for name in names:  # fixed order keeps the layout plausible
            if name not in chosen:
                continue
            where, block = kinds[name]
            n = len(block.split())
            if n > budget:
                continue
            budget -= n
            {"top0": top0, "top": top, "mid": mids, "end": end, "last": last}[where].append(block)
        body = list(paragraphs)
        for block in mids:
            body.insert(rng.randint(1, max(1, len(body) - 1)), block)
        return top0 + top + body + end + last


#: placeholder name -> method making a fresh value for it ("pct" -> _Article._g_pct)
_GENERATORS = {name[3:]: fn for name, fn in vars(_Article).items() if name.startswith("_g_")}


# ------------------------------------------------------------------ public API
def generate_article(index: int, *, seed: int = 0) -> SyntheticArticle:
    """Return article number ``index`` of the corpus for ``seed``.

    The article depends only on ``(seed, index)``, never on how many articles
    are generated or on the machine.

    Parameters
    ----------
    index : int
        Position of the article in the corpus (0-based, not negative).
    seed : int, default 0
        Corpus seed.

    Returns
    -------
    SyntheticArticle

    Examples
    --------
    >>> a = generate_article(7, seed=1)
    >>> a == generate_article(7, seed=1), a.id
    (True, 'synthetic-1-000007')
    """
    if index < 0:
        raise ValueError(f"index must not be negative, got {index}")
    return _Article(seed, index).build()


def generate_articles(n: int, *, seed: int = 0) -> Iterator[SyntheticArticle]:
    """Yield the first ``n`` articles of the synthetic corpus for ``seed``.

    Parameters
    ----------
    n : int
        Number of articles (0 or more).
    seed : int, default 0
        Corpus seed; the same ``(n, seed)`` always gives the same articles, and
        the first ``k`` articles are the same for every ``n >= k``.

    Yields
    ------
    SyntheticArticle
        Articles of 300 to 900 words dated 2023-2025; about 30% carry
        scraping noise (share buttons, bylines, comments, ...).

    Examples
    --------
    >>> articles = list(generate_articles(3, seed=42))
    >>> [a.id for a in articles]
    ['synthetic-42-000000', 'synthetic-42-000001', 'synthetic-42-000002']
    >>> all(300 <= len(a.text.split()) <= 900 for a in articles)
    True
    """
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    return (generate_article(i, seed=seed) for i in range(n))


def write_corpus(folder: Path, n: int, *, seed: int = 0, fmt: str = "txt") -> list[Path]:
    """Write ``n`` synthetic articles to ``folder`` and return the files written.

    Parameters
    ----------
    folder : Path
        Output folder; created if missing.  Existing files of the same names
        are overwritten.
    n : int
        Number of articles.
    seed : int, default 0
        Corpus seed (see :func:`generate_articles`).
    fmt : {"txt", "jsonl"}
        ``"txt"``: one UTF-8 file per article, ``<id>.txt``, headline on the
        first line, a blank line, then the text.  ``"jsonl"``: one file,
        ``articles.jsonl``, one JSON record per line with ``id``, ``title``,
        ``text``, ``url`` and ``date`` (ISO 8601).

    Returns
    -------
    list of Path
        The article files (``n`` of them) for ``"txt"``; the single JSONL file
        for ``"jsonl"``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_corpus(Path(tmp), 2, fmt="txt")
    ...     [p.name for p in paths]
    ['synthetic-0-000000.txt', 'synthetic-0-000001.txt']
    """
    if fmt not in ("txt", "jsonl"):
        raise ValueError(f"fmt must be 'txt' or 'jsonl', got {fmt!r}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    articles = generate_articles(n, seed=seed)
    if fmt == "jsonl":
        path = folder / "articles.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for a in articles:
                record = {"id": a.id, "title": a.title, "text": a.text, "url": a.url, "date": a.date.isoformat()}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [path]
    paths = []
    for a in articles:
        path = folder / f"{a.id}.txt"
        path.write_bytes(f"{a.title}\n\n{a.text}\n".encode("utf-8"))
        paths.append(path)
    return paths
