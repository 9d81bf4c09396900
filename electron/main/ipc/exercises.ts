import { CHANNELS, exercisesOpenParticipantRequest } from '../../contract';
import { secureHandler, type IpcRegistrar, type TrustedContents } from './secure-handler';

/** What exercises:openParticipant needs: a way to open the participant window. */
export type ExerciseDeps = {
  readonly openParticipantWindow: (exerciseId: string) => Promise<void>;
};

/** Registers exercises:openParticipant (a second window showing the participant view). */
export function registerExerciseHandlers(
  ipc: IpcRegistrar,
  deps: ExerciseDeps,
  trusted: TrustedContents,
  log?: (m: string, e: unknown) => void,
): void {
  ipc.handle(
    CHANNELS.exercisesOpenParticipant,
    secureHandler(
      exercisesOpenParticipantRequest,
      async ({ exerciseId }) => {
        await deps.openParticipantWindow(exerciseId);
        return null;
      },
      trusted,
      log,
    ),
  );
}
