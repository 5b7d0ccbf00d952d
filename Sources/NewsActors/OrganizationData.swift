/// International organisations and regions, written by hand (facts only).
enum OrganizationData {
    /// `Canonical;alias,alias` per line. Acronyms are aliases; the full name is canonical except where the
    /// acronym is the name analysts use (NATO, OPEC, ASEAN, G7).
    static let organizations = """
        NATO;North Atlantic Treaty Organization,North Atlantic Treaty Organisation,Nato,North Atlantic Alliance
        European Union;EU,E.U.
        United Nations;UN,U.N.
        UN Security Council;U.N. Security Council,United Nations Security Council,Security Council,UNSC
        UN General Assembly;United Nations General Assembly,U.N. General Assembly
        ASEAN;Association of Southeast Asian Nations,Association of South East Asian Nations
        G7;Group of Seven,G-7
        G20;Group of 20,Group of Twenty,G-20
        G8;Group of Eight,G-8
        International Monetary Fund;IMF
        World Bank
        World Trade Organization;WTO,World Trade Organisation
        OPEC;Organization of the Petroleum Exporting Countries,Organization of Petroleum Exporting Countries
        World Health Organization;WHO,World Health Organisation
        International Atomic Energy Agency;IAEA
        Organization for Security and Co-operation in Europe;OSCE,Organization for Security and Cooperation in Europe
        Organisation for Economic Co-operation and Development;OECD,Organization for Economic Cooperation and Development
        African Union;AU
        Arab League;League of Arab States
        Gulf Cooperation Council;GCC
        European Commission
        European Parliament
        European Central Bank;ECB
        Council of Europe
        International Criminal Court;ICC
        International Court of Justice;ICJ
        UNESCO;United Nations Educational Scientific and Cultural Organization
        UNICEF;United Nations Children's Fund
        UN Refugee Agency;UNHCR,United Nations High Commissioner for Refugees
        International Committee of the Red Cross;ICRC,Red Cross
        Shanghai Cooperation Organisation;SCO,Shanghai Cooperation Organization
        BRICS
        Asia-Pacific Economic Cooperation;APEC
        Quad;Quadrilateral Security Dialogue
        AUKUS
        Commonwealth of Independent States;CIS
        Organization of American States;OAS
        Mercosur
        Interpol
        Europol
        Frontex
        Hamas
        Hezbollah
        Taliban
        Islamic State;ISIS,ISIL,Daesh
        Al Qaeda;al-Qaeda,al Qaeda,Al-Qaeda
        Palestine Liberation Organization;PLO
        Irish Republican Army;IRA
        Kurdistan Workers' Party;PKK
        European Free Trade Association;EFTA
        Federal Reserve;Fed,U.S. Federal Reserve
        Central Intelligence Agency;CIA
        Federal Bureau of Investigation;FBI
        Pentagon
        White House
        Kremlin
        Reuters
        Associated Press;AP
        Agence France-Presse;AFP
        BBC;British Broadcasting Corporation
        CNN
        Xinhua
        Kyodo;Kyodo News
        International Olympic Committee;IOC
        FIFA
        UEFA
        World Economic Forum;WEF
        Amnesty International
        Human Rights Watch
        Greenpeace
        Doctors Without Borders;Medecins Sans Frontieres,MSF
        """

    /// Non-state places: continents and regions. `Canonical;alias,alias` per line.
    static let regions = """
        Europe
        Asia
        Africa
        North America
        South America
        Latin America
        Central America
        Middle East;Mideast
        Indo-Pacific
        Asia-Pacific
        Euro-Atlantic
        Pacific
        Atlantic
        Arctic
        Antarctic
        Balkans
        Caucasus
        Caribbean
        Scandinavia
        Southeast Asia;South East Asia,South-East Asia
        East Asia
        Central Asia
        South Asia
        Eastern Europe
        Western Europe
        Gaza;Gaza Strip
        West Bank
        Crimea
        Donbas;Donbass
        Kashmir
        Siberia
        Tibet
        Xinjiang
        The Hague;Hague
        Wall Street
        Silicon Valley
        Gulf;Persian Gulf,Arabian Gulf
        Far East
        Midwest
        Chechnya
        Dagestan
        Ingushetia
        Tatarstan
        Urals
        Kamchatka
        Sakhalin
        Kaliningrad
        Kurdistan
        Nagorno-Karabakh;Karabakh
        Golan Heights;Golan
        Sinai
        Negev
        Galilee
        Anatolia
        Darfur
        Sahara
        Sahel
        Patagonia
        Chiapas
        Mindanao
        Sumatra
        Java
        Borneo
        Bali
        Flanders
        Wallonia
        Ulster
        Normandy
        Brittany
        Provence
        Corsica
        Sardinia
        Sicily
        Lombardy
        Tuscany
        Andalusia
        Catalonia
        Basque Country
        Bavaria
        Silesia
        Transylvania
        Alberta
        British Columbia
        Manitoba
        Saskatchewan
        Nova Scotia
        New Brunswick
        Newfoundland
        Quebec
        Ontario
        Queensland
        New South Wales
        Tasmania
        Punjab
        Kerala
        Gujarat
        Maharashtra
        Bihar
        Uttar Pradesh
        Tamil Nadu
        Assam
        Guangdong
        Sichuan
        Yunnan
        Hubei
        Hunan
        Fujian
        Zhejiang
        Jiangsu
        Shandong
        Henan
        Hebei
        Liaoning
        Heilongjiang
        Guangxi
        Hainan
        Inner Mongolia
        Okinawa
        Hokkaido
        Kyushu
        Honshu
        Mediterranean
        Baltic
        Black Sea
        Red Sea
        Persian Gulf
        """
}
