"""Special authorisation (R5): a grant that is not the principal's to the speaker, or only possible, is no yes.

The applicant is 赵强 and the speaker the agent 刘洋: a grant by the applicant's relative, to someone other than the
speaker, by the speaker, or one that could be written but is not said to be, does not let the speaker commit.
"""
import pytest

from bot.core import affirmation as aff
from bot.core.consent import special_authorisation
from bot.core.reading import Context

PROXY = Context(acting_as="proxy", applicant_name="赵强", agent_name="刘洋",
                statement=aff.statement("公共租赁住房资格申请", "proxy", "赵强", "刘洋"))

# granted by a relative of the applicant, not the applicant
KIN_OF_APPLICANT = ["赵强老婆特别授权了", "写明了赵强他爸特别授权", "有他儿子的特别授权", "赵强的弟弟特别授权了",
                    "写明了他哥特别授权", "委托书写明了赵强妈妈的特别授权，包括代为作出告知承诺", "有赵强老板的特别授权",
                    "我老婆有特别授权", "我弟弟有特别授权"]
# granted to someone other than the speaker
OTHER_GRANTEE = ["写明了特别授权给他弟弟", "委托书写明了特别授权给赵强老婆，包括代为作出告知承诺",
                 "委托书写明了特别授权，授权给他儿子代为作出告知承诺", "写明了赵强特别授权给我弟弟"]
# granted or written by the speaker (only the principal can grant it)
SPEAKER_GRANTS = ["我特别授权赵强", "我给他写明了特别授权", "我写明了特别授权", "我在上面写明了特别授权",
                  "我已特别授权申请人代为承诺", "赵强由我特别授权", "赵强是我特别授权的", "刘洋写明了特别授权",
                  "我给赵强特别授权了"]
# only possible, not said to be written
ONLY_POSSIBLE = ["可以写明特别授权", "他可以给我特别授权", "能写明特别授权", "委托书可以写明特别授权，包括代为作出告知承诺",
                 "特别授权能写", "写明特别授权也可以", "赵强可以特别授权我", "能有特别授权"]


@pytest.mark.parametrize("text", KIN_OF_APPLICANT + OTHER_GRANTEE + SPEAKER_GRANTS + ONLY_POSSIBLE)
def test_not_the_principals_grant_to_the_speaker_is_no_yes(text):
    reading = special_authorisation(text, PROXY)
    assert not (reading.kind == "value" and reading.value == "yes"), (text, reading)


# look-alikes: the principal's own grant to the speaker, said with the same words, stays a yes
STILL_YES = ["写明了特别授权", "委托书写明了特别授权，包括代为作出告知承诺", "赵强给我写了特别授权", "有他签的特别授权",
             "有特别授权，我是他儿子", "我是他儿子，写明了特别授权", "有我爸的特别授权", "我爸给我写了特别授权",
             "我舅舅写明了特别授权", "他老人家写明了特别授权", "委托书写明了我可以代他作出告知承诺",
             "赵强特别授权我代为承诺", "特别授权给我，包括代为作出告知承诺", "委托书写明了特别授权刘洋代为作出告知承诺",
             "受托人可代委托人作出告知承诺，委托书写明了"]


@pytest.mark.parametrize("text", STILL_YES)
def test_principals_grant_to_the_speaker_stays_yes(text):
    reading = special_authorisation(text, PROXY)
    assert reading.kind == "value" and reading.value == "yes", (text, reading)
