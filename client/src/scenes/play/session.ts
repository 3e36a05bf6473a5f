// The play scene's room: it joins the practice room for a level (with the comfort
// setting's clock), an assignment's round (as the class's student, or a newcomer with
// the names the assignment page took), or takes the class room the lobby joined, and
// listens on it through net/ (one RoomLink, whose listeners go when the scene shuts
// down: in a class the room lives on in the lobby scene). It answers what the screen
// reads: the player's own match (the room's state in practice, their heap in a class),
// the classroom state, the synced kind view parsed once per change, and the finished
// practice round's results. Its placements go through a MoveDelivery (move-delivery.ts),
// which keeps them through an outage and settles them when the seat is back.

import type Phaser from 'phaser';
import type { Room } from '@colyseus/sdk';
import type { MatchState } from '../../../../server/state/match-state.ts';
import type { KindView } from '../../../../shared/match/kind-view.ts';
import { loadComfort } from '../../a11y/comfort.ts';
import { describeError, joinAssignmentRound, joinPractice, type AssignmentRound, type Refusal } from '../../net/connection.ts';
import { RoomLink } from '../../net/room-link.ts';
import { syncedKindView } from '../../net/synced.ts';
import { UI } from '../../palette.ts';
import { isTouchOnly, playHelp } from '../../ui/touch.ts';
import { ownHeap, type ClassStateLike } from '../class/class-state.ts';
import { MoveDelivery } from './move-delivery.ts';

export interface PlaySceneData {
  /** A practice level's id (the warm-up when missing). */
  readonly level?: string;
  /** A classroom room the player already joined: play their own heap there. */
  readonly classRoom?: Room;
  /** Title shown in the header. */
  readonly title?: string;
  /** In a class: the student's player id (their heap and entry in the classroom state). */
  readonly playerId?: string;
  /** An assignment's round, played alone as the class's student (or a newcomer with these names). */
  readonly assignment?: AssignmentRound;
}

/** What the session tells the scene. */
export interface SessionHandlers {
  /** The synced state changed, or the results came. */
  redraw(): void;
  refused(refusal: Refusal): void;
  status(text: string, colour: string): void;
  /** The room is joined and listened to (not called when the scene ended meanwhile). */
  joined(): void;
}

export class PlaySession {
  readonly data: PlaySceneData;
  private readonly scene: Phaser.Scene;
  private readonly handlers: SessionHandlers;
  private link_: RoomLink<MatchState | ClassStateLike> | null = null;
  private delivery_: MoveDelivery | null = null;
  private parsedKindView: { wire: string; view: KindView | null } = { wire: '', view: null };
  /** The finished practice round's results (JSON), from the room's `results` message. */
  private results_: string | null = null;
  /** False once the scene has shut down (a practice room joined after that is left again). */
  private alive = true;

  constructor(scene: Phaser.Scene, data: PlaySceneData, handlers: SessionHandlers) {
    this.scene = scene;
    this.data = data;
    this.handlers = handlers;
    scene.events.once('shutdown', () => { this.alive = false; });
  }

  /** A student's heap inside the classroom room (not practice, not an assignment). */
  get inClass(): boolean {
    return this.data.classRoom !== undefined;
  }

  /** The room's link once joined (moves post through it). */
  get link(): RoomLink<MatchState | ClassStateLike> | null {
    return this.link_;
  }

  /** How placements reach the server, once joined. */
  get delivery(): MoveDelivery | null {
    return this.delivery_;
  }

  get results(): string | null {
    return this.results_;
  }

  /** The class room's session id (a new one after the student joined again). */
  get sessionId(): string {
    return this.data.classRoom?.sessionId ?? '';
  }

  /** Joins (or takes the class's room) and listens; a refused join is said, or an assignment's page says why. */
  async connect(): Promise<void> {
    const { classRoom, assignment } = this.data;
    let room: Room;
    try {
      room = classRoom ?? (assignment ? await joinAssignmentRound(assignment.info, assignment.round, assignment) : await joinPractice(this.data.level, { clock: !loadComfort().noClock }));
    } catch (error) {
      // An assignment's round refused (a nickname taken, an identifier missing): back to its page, saying why.
      if (this.alive && assignment) return void this.scene.scene.start('AssignmentScene', { id: assignment.info.id, message: describeError(error) });
      if (this.alive) this.handlers.status(`Could not start: ${describeError(error)}`, UI.bad);
      return;
    }
    if (!this.alive) {
      if (!this.inClass) void room.leave();
      return;
    }
    this.listen(room);
    this.handlers.joined();
    // A seat taken over with moves still kept (a class joined again after a restart) settles them
    // now, after the first drawing (which sets the kind's help line over the status).
    this.delivery_?.stateChanged();
  }

  /** Every listener added here is removed when the scene ends. */
  private listen(room: Room): void {
    const inClass = this.inClass;
    // The seat outlives the scene in a class (a restart's rejoin plays on a new one); in practice it is the room.
    const delivery = new MoveDelivery(inClass ? `class:${this.data.playerId ?? ''}` : `room:${room.roomId}`, {
      link: () => this.link_, match: () => this.match(), status: (text, colour) => this.handlers.status(text, colour),
    });
    this.delivery_ = delivery;
    this.link_ = new RoomLink<MatchState | ClassStateLike>(this.scene, room, {
      // Drawn first: a status the delivery sets ("Placing…" again) is not overwritten by the drawing.
      onState: () => {
        this.handlers.redraw();
        delivery.stateChanged();
      },
      onMessage: {
        refused: (payload) => {
          delivery.answered();
          this.handlers.refused(payload as Refusal);
        },
        // Classroom: the move is stored (the new heap follows as a patch).
        ack: () => delivery.answered(),
        // Practice: the finished round's results come as a message (too large for the synced state).
        results: (payload) => {
          this.results_ = typeof payload === 'string' ? payload : null;
          this.handlers.redraw();
        },
      },
      onDrop: () => this.handlers.status('Connection lost — reconnecting…', UI.bad),
      onReconnect: () => {
        this.handlers.status('Back online.', UI.good);
        delivery.back();
      },
      // In a class the sleeping lobby scene hears it too and takes the student to its Rejoin button.
      onLeave: () => this.handlers.status(inClass ? 'The connection is gone.' : playHelp(isTouchOnly()).gone, UI.bad),
    });
  }

  classState(): ClassStateLike | undefined {
    return this.inClass ? (this.link_?.state as ClassStateLike | undefined) : undefined;
  }

  /** The player's own match: the room's state in practice, their heap in a class. */
  match(): MatchState | null {
    if (!this.link_?.state) return null;
    if (this.inClass) return ownHeap(this.classState(), this.data.playerId) as MatchState | null;
    return this.link_.state as MatchState;
  }

  /** The synced kind view, decoded once per change (the meters ask for it every frame of a timed round). */
  kindView(m: MatchState): KindView | null {
    if (m.kindView !== this.parsedKindView.wire) this.parsedKindView = { wire: m.kindView, view: syncedKindView(m) };
    return this.parsedKindView.view;
  }

  /** Leaves a practice round for the title, or an assignment's round for its page (a class has no ✕: its lobby scene takes the student back). */
  leave(): void {
    this.link_?.leave();
    const homework = this.data.assignment;
    if (homework) this.scene.scene.start('AssignmentScene', { id: homework.info.id });
    else this.scene.scene.start('TitleScene');
  }
}
