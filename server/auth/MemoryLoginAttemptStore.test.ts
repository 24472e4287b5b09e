import { loginAttemptStoreContract } from '../storage/loginAttemptStoreContract.ts';
import { MemoryLoginAttemptStore } from './MemoryLoginAttemptStore.ts';

loginAttemptStoreContract('memory', () => ({ store: new MemoryLoginAttemptStore(), close: () => undefined }));
