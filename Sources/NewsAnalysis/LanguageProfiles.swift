/// The most frequent function words of the Latin- and Cyrillic-script languages news is most often
/// written in: articles, pronouns, prepositions, conjunctions, auxiliaries. Our own lists, chosen
/// from general knowledge of each language. Words shared by several languages ("de", "la", "en")
/// are listed in each; ``LanguageIdentifier`` weighs a word by how many languages share it.
enum LanguageProfiles {
    /// ISO 639-1 code → lowercase words, space-separated.
    static let functionWords: [(code: String, words: String)] = [
        ("en", """
            the of and to in is that for it was on with as by at from this be are have has had not but or an \
            they which their been were will would said who its there about after also more than when what \
            we he she his her these those into over could should
            """),
        ("de", """
            der die das und ist nicht ein eine einen einem einer es sich mit auf für von dem den des zu im \
            auch wird werden wurde sind war hat haben noch nach bei aus wie oder aber wenn dass sie wir ich \
            nur kann mehr schon über zum zur vom durch um sein seine ihre diese dieser
            """),
        ("fr", """
            le la les des du de et est une un que qui pour dans pas sur au aux avec il elle ne se ce cette \
            sont ont été par plus mais ou son sa ses leur nous vous être fait comme aussi tout très entre \
            depuis sans dont même
            """),
        ("es", """
            el la los las de del y en que es un una por con para no se su sus al lo como más pero fue ha \
            han son está están este esta esto también entre sobre hasta desde cuando muy sin ya ser porque \
            donde hay nos
            """),
        ("it", """
            il lo la gli le di del della dei delle e è che un una per con non si da dal nella nel sono al \
            alla ha hanno anche come più ma questo questa essere stato stata tra dopo ancora molto tutti \
            perché quando sul sulla
            """),
        ("pt", """
            o a os as de do da dos das e é que um uma para com não se em no na nos nas por ao aos mais mas \
            como foi são está seu sua também ser pelo pela entre quando muito já ele ela isso esta este \
            sobre até
            """),
        ("nl", """
            de het een en van is dat in op te voor met niet zijn aan er ook als bij door maar om nog wordt \
            worden werd naar dit deze die was heeft hebben zij wij ik uit over tot kan meer geen wel
            """),
        ("sv", """
            och att det som en ett är i på för med av till den har inte om var de vi jag han hon men så \
            från eller kan ska sig också efter när vid hade blir blev detta under mot hur
            """),
        ("da", """
            og at det som en et er i på for med af til den har ikke om var de vi jeg han hun men så fra \
            eller kan skal sig også efter når ved havde bliver blev dette under mod hvordan
            """),
        ("no", """
            og at det som en et er i på for med av til den har ikke om var de vi jeg han hun men så fra \
            eller kan skal seg også etter når ved hadde blir ble dette under mot hvordan
            """),
        ("fi", """
            ja on ei se että oli ovat tai kun mutta myös hän he me minä sen sitä jo vain kuin mukaan \
            jälkeen ollut olla voi tämä tämän nämä niin joka jotka mitä kanssa vuoden
            """),
        ("pl", """
            i w z na się nie do to że jest o jak po co od przez za są był była było ale dla przy tak jego \
            jej ich także już może tylko który która które oraz czy też
            """),
        ("cs", """
            a v se na je že s z do o to by jako ale pro při jsou byl byla bylo jeho její jejich také už \
            který která které nebo jen po od za ve když tak než
            """),
        ("tr", """
            ve bir bu da de için ile olarak olan daha çok gibi ama en ne var değil o kadar sonra ancak \
            göre her şey ise mi olduğu tarafından ya veya çünkü yeni
            """),
        ("ro", """
            și în de la a cu pe nu este care o un una sunt din pentru mai ce să fost au se sau dar ca \
            acest această după fi prin despre foarte între lui ei
            """),
        ("hu", """
            a az és hogy nem is egy van volt meg de ez azt csak már még mint vagy el ki be kell lesz \
            szerint után között pedig ami amely amit ezt
            """),
        ("id", """
            yang dan di ini itu dengan untuk dari dalam tidak akan pada ke juga ada karena oleh atau \
            sudah bisa mereka kami kita saya lebih telah tersebut hanya secara
            """),
        ("ru", """
            и в не на что с по как это он она они к из за от для же о но его ее их был была было были \
            также только уже при то так или если чтобы который
            """),
        ("uk", """
            і в не на що з по як це він вона вони до із за від для же про але його її їх був була було \
            були також тільки вже при то так або якщо щоб який та
            """),
    ]
}
