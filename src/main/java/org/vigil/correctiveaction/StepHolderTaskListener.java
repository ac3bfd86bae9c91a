package org.vigil.correctiveaction;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;
import org.vigil.platform.PeopleDirectory;

/**
 * On every step of an action: the task may be handed only to a member of the group that holds it (the owner group,
 * or the checkers for the effectiveness check). A step handed outside would show the nonconformity to someone who may
 * not read the action, and let them record its correction.
 */
@Component
class StepHolderTaskListener extends ActionTaskListener {

    private final PeopleDirectory people;

    StepHolderTaskListener(PeopleDirectory people) {
        this.people = people;
    }

    @Override
    void act(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(group -> group != null).toList();
        if (!groups.isEmpty() && groups.stream().noneMatch(group -> people.membersOf(group).contains(assignee))) {
            throw new ActionRefusedException(assignee + " is not a member of " + String.join(" or ", groups)
                    + ", who hold this step of action CA-" + actionId(task) + ": hand it to one of them");
        }
    }
}
